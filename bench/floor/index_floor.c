/* The least any libgit2 program can do for a pre-commit check: start, initialise libgit2, open the
 * repository and read its index. plan check --staged cannot take less than this. */
#include <git2.h>
#include <stdio.h>

int main(int argc, char **argv) {
    git_repository *repo = NULL;
    git_index *index = NULL;
    git_libgit2_init();
    if (git_repository_open_ext(&repo, argc > 1 ? argv[1] : ".", 0, NULL) < 0) return 2;
    if (git_repository_index(&index, repo) < 0) return 2;
    if (git_index_read(index, 0) < 0) return 2;
    size_t n = git_index_entrycount(index);
    git_index_free(index);
    git_repository_free(repo);
    return n == 0;
}
