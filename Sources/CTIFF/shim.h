#include <tiffio.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Typed wrappers over libtiff for Swift, which cannot call C variadic functions. */

/* Collects libtiff's error text for one open file instead of printing it to stderr. */
typedef struct SohoaTIFFMessages {
    char text[2048];
} SohoaTIFFMessages;

static inline int sohoa_tiff_collect_error(TIFF *tif, void *user_data, const char *module,
                                           const char *fmt, va_list ap) {
    (void)tif;
    SohoaTIFFMessages *messages = (SohoaTIFFMessages *)user_data;
    if (messages == NULL) return 1;
    size_t capacity = sizeof messages->text;
    size_t used = strnlen(messages->text, capacity);
    if (used + 8 >= capacity) return 1;
    if (used > 0) {
        messages->text[used++] = ';';
        messages->text[used++] = ' ';
        messages->text[used] = '\0';
    }
    if (module != NULL && module[0] != '\0') {
        int written = snprintf(messages->text + used, capacity - used, "%s: ", module);
        if (written > 0) used += (size_t)written < capacity - used ? (size_t)written : capacity - used - 1;
    }
    if (used + 1 < capacity) vsnprintf(messages->text + used, capacity - used, fmt, ap);
    return 1; /* handled: libtiff does not call the global (stderr) handler */
}

static inline int sohoa_tiff_ignore_warning(TIFF *tif, void *user_data, const char *module,
                                            const char *fmt, va_list ap) {
    (void)tif; (void)user_data; (void)module; (void)fmt; (void)ap;
    return 1; /* handled: warnings (unknown private tags, ...) are not printed */
}

/* Opens a file read-only; errors go into `messages`, warnings are dropped. */
static inline TIFF *sohoa_tiff_open(const char *path, SohoaTIFFMessages *messages) {
    TIFFOpenOptions *options = TIFFOpenOptionsAlloc();
    if (options == NULL) return NULL;
    TIFFOpenOptionsSetErrorHandlerExtR(options, sohoa_tiff_collect_error, messages);
    TIFFOpenOptionsSetWarningHandlerExtR(options, sohoa_tiff_ignore_warning, NULL);
    TIFF *tif = TIFFOpenExt(path, "r", options);
    TIFFOpenOptionsFree(options);
    return tif;
}

static inline int sohoa_tiff_get_u16(TIFF *tif, uint32_t tag, uint16_t *value) {
    return TIFFGetField(tif, tag, value);
}

static inline int sohoa_tiff_get_u16_defaulted(TIFF *tif, uint32_t tag, uint16_t *value) {
    return TIFFGetFieldDefaulted(tif, tag, value);
}

static inline int sohoa_tiff_get_u32(TIFF *tif, uint32_t tag, uint32_t *value) {
    return TIFFGetField(tif, tag, value);
}

static inline int sohoa_tiff_get_float(TIFF *tif, uint32_t tag, float *value) {
    return TIFFGetField(tif, tag, value);
}

static inline int sohoa_tiff_get_extra_samples(TIFF *tif, uint16_t *count, uint16_t **types) {
    return TIFFGetFieldDefaulted(tif, TIFFTAG_EXTRASAMPLES, count, types);
}

static inline int sohoa_tiff_get_colormap(TIFF *tif, uint16_t **red, uint16_t **green, uint16_t **blue) {
    return TIFFGetField(tif, TIFFTAG_COLORMAP, red, green, blue);
}

static inline int sohoa_tiff_get_u32_defaulted(TIFF *tif, uint32_t tag, uint32_t *value) {
    return TIFFGetFieldDefaulted(tif, tag, value);
}

/* Setters for writing a TIFF (TIFFSetField is variadic too). */
static inline int sohoa_tiff_set_u16(TIFF *tif, uint32_t tag, uint16_t value) {
    return TIFFSetField(tif, tag, value);
}
static inline int sohoa_tiff_set_u32(TIFF *tif, uint32_t tag, uint32_t value) {
    return TIFFSetField(tif, tag, value);
}
