// Tesseract's LSTM recognizer keeps the image of every word or line it reads in an `ImageData`,
// which Debian's build (without TESSERACT_IMAGEDATA_AS_PIX) stores by encoding the image as a PNG
// in memory (`pixWriteMem(…, IFF_PNG)`, zlib at its default level) and decodes again at once
// (`pixReadMem`). Profiled on 40 pages (perf, release build; issue 19) that round trip was about a
// tenth of a whole `sohoa run`'s CPU time, for nothing kept: the bytes are freed with the line.
//
// This file defines `pixWriteMemPng`. Leptonica's own call to it goes through its PLT, so the
// definition in the executable takes its place (ELF symbol interposition). While a thread has asked
// for it (TesseractEngine does around `TessBaseAPIRecognize`), the image is written in leptonica's
// SPIX format instead: the Pix's header and samples as they are, which `pixReadMem` recognizes by
// its magic bytes and reads back with a copy. The pixels Tesseract gets back are the same, so its
// results are the same (text, ALTO and hOCR byte for byte); every other call, on any thread, gets
// leptonica's PNG writer.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <leptonica/allheaders.h>
#include <stdatomic.h>

#include "CTesseractLineImages.h"

static _Thread_local int uncompressed = 0;
static atomic_long uncompressedWrites = 0;

void sohoa_line_images_uncompressed(int on) { uncompressed = on; }

typedef l_ok (*PNGWriter)(l_uint8 **, size_t *, PIX *, l_float32);

static PNGWriter leptonicaWriter(void) {
    static _Atomic(PNGWriter) writer = NULL;
    PNGWriter found = atomic_load(&writer);
    if (found == NULL) {
        found = (PNGWriter)dlsym(RTLD_NEXT, "pixWriteMemPng");
        atomic_store(&writer, found);
    }
    return found;
}

l_ok pixWriteMemPng(l_uint8 **pdata, size_t *psize, PIX *pix, l_float32 gamma) {
    if (uncompressed && pix != NULL) {
        atomic_fetch_add(&uncompressedWrites, 1);
        return pixWriteMemSpix(pdata, psize, pix);
    }
    PNGWriter writer = leptonicaWriter();
    if (writer == NULL) return 1;  // leptonica's error value: no PNG writer found
    return writer(pdata, psize, pix, gamma);
}

int sohoa_line_images_interposed(void) {
    // The address the dynamic linker gives for the name is this file's function when it took.
    void *resolved = dlsym(RTLD_DEFAULT, "pixWriteMemPng");
    return resolved == (void *)&pixWriteMemPng;
}

long sohoa_line_images_written(void) { return atomic_load(&uncompressedWrites); }
