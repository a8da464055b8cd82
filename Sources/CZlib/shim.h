#ifndef LICSCOPE_CZLIB_SHIM_H
#define LICSCOPE_CZLIB_SHIM_H
#include <zlib.h>
/* inflateInit2 is a macro; Swift needs a function. */
static inline int licscope_inflateInit2(z_streamp strm, int windowBits) {
    return inflateInit2(strm, windowBits);
}
#endif
