#ifndef PLAN_CLIBGIT2_SHIM_H
#define PLAN_CLIBGIT2_SHIM_H
#include <git2.h>
#include <git2/sys/hashsig.h>

/* git_libgit2_opts is variadic, which Swift cannot call: one plain function per option used. */
static inline int plan_git_enable_caching(int on) {
    return git_libgit2_opts(GIT_OPT_ENABLE_CACHING, on);
}

static inline int plan_git_set_strict_hash_verification(int on) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, on);
}

#endif
