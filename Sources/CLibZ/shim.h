/* zlib for TesseraIO's ZlibStream (the one Swift file that imports it). */
#include <zlib.h>

/* The init functions are macros in zlib.h; these pass the version and stream size as the macros do. */
static inline int clibz_inflate_init(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}
static inline int clibz_deflate_init(z_streamp stream, int level, int windowBits) {
    return deflateInit2(stream, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY);
}
