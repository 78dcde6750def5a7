#ifndef SOHOA_CJPEG2000_SHIM_H
#define SOHOA_CJPEG2000_SHIM_H
#include <openjpeg.h>
#endif
