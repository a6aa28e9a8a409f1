#ifndef PLAN_CLIBGIT2_SHIM_H
#define PLAN_CLIBGIT2_SHIM_H
#include <git2.h>
#endif
