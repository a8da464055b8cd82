#ifndef LICSCOPE_COPENSSL_SHIM_H
#define LICSCOPE_COPENSSL_SHIM_H
#include <openssl/opensslv.h>
#if OPENSSL_VERSION_MAJOR < 3
#error "licscope needs OpenSSL 3.0 or later (Debian: apt-get install libssl-dev)"
#endif
#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <openssl/pem.h>
#include <openssl/evp.h>
#include <openssl/bio.h>

/* Macros Swift cannot import, wrapped as functions. */
static inline long licscope_BIO_get_mem_data(BIO *bio, char **pp) { return BIO_get_mem_data(bio, pp); }
static inline long licscope_SSL_set_tlsext_host_name(SSL *ssl, const char *name) { return SSL_set_tlsext_host_name(ssl, name); }
static inline void licscope_OPENSSL_free(void *p) { OPENSSL_free(p); }
#endif
