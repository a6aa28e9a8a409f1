/// The hook scripts `plan hook install` and `plan init` write. The repository's own `.githooks/` hold
/// the same text (a test checks).
public enum HookScripts {
    /// Where the plan program is: the path `plan hook install` recorded, else PATH, else the usual
    /// install places (a graphical git client runs hooks with a short PATH). Sets `plan`, maybe empty.
    static let findPlan = #"""
        plan=$(git config --get plan.path 2>/dev/null)
        if [ -z "$plan" ] || [ ! -x "$plan" ]; then
            plan=$(command -v plan 2>/dev/null)
        fi
        if [ -z "$plan" ]; then
            for candidate in "$HOME/.local/bin/plan" /usr/local/bin/plan /usr/bin/plan; do
                if [ -x "$candidate" ]; then plan=$candidate; break; fi
            done
        fi
        """#

    public static let preCommit = #"""
        #!/bin/sh
        # plan: checks what is about to be committed (`plan check --staged`), read from git's index, so a
        # partly staged file is checked as it will be committed. Installed by `plan hook install`, which also
        # records where the plan program is (git config plan.path): graphical git clients run hooks with a
        # short PATH. To commit without the check: git commit --no-verify
        \#(findPlan)
        if [ -z "$plan" ]; then
            echo "plan: không tìm thấy chương trình plan nên chưa kiểm tra (cài plan rồi chạy: plan hook install)" >&2
            echo "plan: the plan program was not found, nothing was checked (install it, then run: plan hook install)" >&2
            exit 0
        fi
        # The workspace is the folder that holds this hooks folder (found without starting a process).
        case $0 in */*) hooks=${0%/*} ;; *) hooks=. ;; esac
        exec "$plan" check --staged --workspace "$hooks/.."

        """#

    public static let prepareCommitMessage = #"""
        #!/bin/sh
        # plan: writes what the commit changes in the plan into its message (`plan summary --staged`), below
        # what you wrote, so that plain `git log` reads as the plan's changelog. `commit_summary` in plan.yaml
        # chooses append, comment (as # lines, for writing your own) or off. It never stops a commit.
        message_file=$1
        source=$2
        commit=$3
        case "$source" in merge|squash) exit 0 ;; esac
        \#(findPlan)
        [ -n "$plan" ] || exit 0
        case $0 in */*) hooks=${0%/*} ;; *) hooks=. ;; esac
        "$plan" summary --staged --workspace "$hooks/.." --message-file "$message_file" --source "$source" ${commit:+--commit "$commit"}
        exit 0

        """#

    /// Marks the server hooks `plan hook install --server` writes, so that it knows its own.
    public static let serverMarker = "# plan: server hook (plan hook install --server)"

    public static let preReceive = #"""
        #!/bin/sh
        # plan: refuses a push that brings commits with plan errors or changes the pusher may not make
        # (authorization in plan.yaml), and shows the pusher why. For a bare repository on a server,
        # `plan hook install --server REPO.git` installs this; by hand: copy this file to
        # <repository>.git/hooks/pre-receive and make it executable; plan must be installed on the server
        # (in PATH, or: git config plan.path /path/to/plan).
        \#(findPlan)
        if [ -z "$plan" ]; then
            echo "plan: không tìm thấy chương trình plan trên máy chủ nên từ chối lần đẩy" >&2
            echo "plan: the plan program is not on the server, so the push is refused" >&2
            exit 1
        fi
        exec "$plan" hook pre-receive

        """#

    /// The hook `plan hook install --server` writes: the plan program's path written in.
    public static func serverPreReceive(binary: String) -> String {
        let quoted = "'" + binary.replacingOccurrences(of: "'", with: "'\\''") + "'"
        return """
            #!/bin/sh
            \(serverMarker)
            # Refuses a push that brings commits with plan errors, or changes the pusher may not make
            # (authorization in plan.yaml). The pusher's identity comes from the server's environment.
            plan=\(quoted)
            if [ ! -x "$plan" ]; then
                echo "plan: không tìm thấy chương trình plan ($plan) nên từ chối lần đẩy" >&2
                echo "plan: the plan program ($plan) is missing, so the push is refused" >&2
                exit 1
            fi
            exec "$plan" hook pre-receive

            """
    }
}
