#ifndef SOHOA_CTURBOJPEG_SHIM_H
#define SOHOA_CTURBOJPEG_SHIM_H
#include <turbojpeg.h>
#endif
