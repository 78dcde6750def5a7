#include <tesseract/capi.h>
#include <leptonica/allheaders.h>
#include <string.h>

/// Copies an 8-bit leptonica image row by row into a packed buffer of width * height bytes.
/// Leptonica stores samples in 32-bit words (first pixel in the most significant byte), which
/// Swift cannot index portably; GET_DATA_BYTE does it for us. Returns 0 on success.
static inline int sohoa_pix8_copy(PIX *pix, unsigned char *out, size_t capacity) {
    if (pix == NULL || out == NULL || pixGetDepth(pix) != 8) return 1;
    l_int32 w = pixGetWidth(pix), h = pixGetHeight(pix), wpl = pixGetWpl(pix);
    if ((size_t)w * (size_t)h > capacity) return 1;
    l_uint32 *data = pixGetData(pix);
    for (l_int32 y = 0; y < h; y++) {
        l_uint32 *line = data + (size_t)y * (size_t)wpl;
        unsigned char *row = out + (size_t)y * (size_t)w;
        for (l_int32 x = 0; x < w; x++) row[x] = (unsigned char)GET_DATA_BYTE(line, x);
    }
    return 0;
}
