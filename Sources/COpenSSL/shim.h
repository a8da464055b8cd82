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
static inline unsigned long licscope_XN_FLAG_RFC2253(void) { return XN_FLAG_RFC2253; }
static inline OPENSSL_STACK *licscope_sk_new_null(void) { return OPENSSL_sk_new_null(); }
static inline int licscope_sk_push(OPENSSL_STACK *sk, void *item) { return OPENSSL_sk_push(sk, item); }
static inline void licscope_sk_free(OPENSSL_STACK *sk) { OPENSSL_sk_free(sk); }
/* The untrusted-certificate stack argument of X509_STORE_CTX_init, from a generic stack. */
static inline int licscope_X509_STORE_CTX_init(X509_STORE_CTX *ctx, X509_STORE *store, X509 *leaf, OPENSSL_STACK *untrusted) {
    return X509_STORE_CTX_init(ctx, store, leaf, (STACK_OF(X509) *)untrusted);
}
/* The verified chain's length and element (sk_X509_num / sk_X509_value are macros). */
static inline int licscope_X509_STORE_CTX_chain_count(X509_STORE_CTX *ctx) {
    STACK_OF(X509) *chain = X509_STORE_CTX_get0_chain(ctx);
    return chain ? sk_X509_num(chain) : 0;
}
static inline X509 *licscope_X509_STORE_CTX_chain_at(X509_STORE_CTX *ctx, int i) {
    STACK_OF(X509) *chain = X509_STORE_CTX_get0_chain(ctx);
    return chain ? sk_X509_value(chain, i) : NULL;
}
/* The peer's certificate chain as sent (SSL_get_peer_cert_chain returns a STACK_OF(X509)). */
static inline int licscope_SSL_peer_chain_count(const SSL *ssl) {
    STACK_OF(X509) *chain = SSL_get_peer_cert_chain(ssl);
    return chain ? sk_X509_num(chain) : 0;
}
static inline X509 *licscope_SSL_peer_chain_at(const SSL *ssl, int i) {
    STACK_OF(X509) *chain = SSL_get_peer_cert_chain(ssl);
    return chain ? sk_X509_value(chain, i) : NULL;
}
/* Macros used by the TLS client session. */
static inline long licscope_SSL_CTX_set_min_proto_version(SSL_CTX *ctx, int version) { return SSL_CTX_set_min_proto_version(ctx, version); }
static inline long licscope_SSL_CTX_set_max_proto_version(SSL_CTX *ctx, int version) { return SSL_CTX_set_max_proto_version(ctx, version); }
static inline long licscope_BIO_pending(BIO *bio) { return (long)BIO_ctrl_pending(bio); }
static inline long licscope_BIO_set_mem_eof_return(BIO *bio, int v) { return BIO_set_mem_eof_return(bio, v); }
#endif
