#ifndef SITREP_CSYSTEMD_SHIM_H
#define SITREP_CSYSTEMD_SHIM_H
#include <systemd/sd-daemon.h>
#include <systemd/sd-journal.h>
#include <sys/uio.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <fcntl.h>
#include <malloc.h>

/* renameat2(RENAME_NOREPLACE): glibc declares it only under _GNU_SOURCE, and syscall() is
   variadic, so Swift reaches it through this wrapper. Returns -1 with errno set on failure. */
static inline int sitrep_rename_noreplace(const char *from, const char *to) {
    return (int)syscall(SYS_renameat2, AT_FDCWD, from, AT_FDCWD, to, 1u /* RENAME_NOREPLACE */);
}

/* Hands free heap pages back to the system (glibc keeps them otherwise); the Glibc module does not
   export malloc.h. */
static inline void sitrep_release_free_memory(void) {
    malloc_trim(0);
}
#endif
