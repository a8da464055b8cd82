#ifndef LICSCOPE_CPCAP_SHIM_H
#define LICSCOPE_CPCAP_SHIM_H
#include <pcap/pcap.h>
#endif
