// Leptonica allocates every image's samples with `malloc` and often reads a fresh image before it
// writes it (`pixSetPadBits` on an image just made by `pixCreateNoInit`). A large block straight from
// the kernel (sohoa maps blocks of 4 MiB and more apart: `MallocArenas`) is then first mapped to the
// kernel's shared page of zeros, and the write that follows must replace that mapping on every core
// the process runs on: an inter-processor interrupt per 4 KiB page, costly in a virtual machine.
// Profiled on 40 pages (perf, release build, issue 19) that was about 3% of a `sohoa run`'s CPU time,
// none of it in the `tesseract` command, which runs one thread.
//
// With `sohoa_pix_memory_prefault_large(1)` leptonica's large blocks are mapped writable at once, in
// one call (`MADV_POPULATE_WRITE`; on kernels without it, one write a page): no page of zeros, no
// interrupts, and one system call instead of a fault a page. The samples are not changed (the block
// is uninitialized memory either way), so neither is anything read from them.
#define _GNU_SOURCE
#include <errno.h>
#include <leptonica/allheaders.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "CTesseractLineImages.h"

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

static const size_t largeBlockBytes = (size_t)128 << 10;
static atomic_long prefaultedBlocks = 0;
static atomic_int prefaulting = 0;
static atomic_int kernelLacksPopulate = 0;

static void prefault(void *data, size_t size) {
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
    uintptr_t start = ((uintptr_t)data + page - 1) & ~(page - 1);
    uintptr_t end = ((uintptr_t)data + size) & ~(page - 1);
    if (end <= start) return;
    atomic_fetch_add(&prefaultedBlocks, 1);
    int savedErrno = errno;  // the caller sees malloc's errno, not madvise's
    if (!atomic_load(&kernelLacksPopulate)) {
        if (madvise((void *)start, end - start, MADV_POPULATE_WRITE) == 0) {
            errno = savedErrno;
            return;
        }
        if (errno == EINVAL) atomic_store(&kernelLacksPopulate, 1);  // before Linux 5.14: not asked again
    }
    for (uintptr_t p = start; p < end; p += page) *(volatile char *)p = 0;
    errno = savedErrno;
}

static void *prefaultingAlloc(size_t size) {
    void *data = malloc(size);
    if (data != NULL && size >= largeBlockBytes && atomic_load(&prefaulting)) prefault(data, size);
    return data;
}

void sohoa_pix_memory_prefault_large(int on) {
    // Leptonica frees with `free` by default: blocks allocated before or after this share it.
    setPixMemoryManager(prefaultingAlloc, free);
    atomic_store(&prefaulting, on ? 1 : 0);
}

long sohoa_pix_memory_prefaulted(void) { return atomic_load(&prefaultedBlocks); }
