#ifndef SOHOA_TESSERACT_LINE_IMAGES_H
#define SOHOA_TESSERACT_LINE_IMAGES_H

/// While on for the calling thread, the images Tesseract keeps of each text line it recognizes are
/// stored uncompressed (leptonica's SPIX) instead of as PNG. See line_images.c.
void sohoa_line_images_uncompressed(int on);

/// 1 when this process's `pixWriteMemPng` is sohoa's (the interposition took), else 0.
int sohoa_line_images_interposed(void);

/// How many line images this process has stored uncompressed so far (for tests).
long sohoa_line_images_written(void);

/// Makes leptonica map its large image blocks (128 KiB and more) writable as soon as they are
/// allocated (`on` 1), or not (0), instead of page by page through the shared page of zeros.
/// See pix_memory.c.
void sohoa_pix_memory_prefault_large(int on);

/// How many large blocks this process has prefaulted so far (for tests).
long sohoa_pix_memory_prefaulted(void);

#endif
