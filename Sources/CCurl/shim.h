#ifndef BEACON_CCURL_SHIM_H
#define BEACON_CCURL_SHIM_H

#include <curl/curl.h>

/* curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call;
   these typed wrappers are what Swift sees. */

static inline CURLcode beacon_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode beacon_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode beacon_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode beacon_curl_setopt_off(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

typedef size_t (*beacon_curl_write_callback)(char *data, size_t size, size_t count, void *context);
typedef size_t (*beacon_curl_read_callback)(char *buffer, size_t size, size_t count, void *context);

static inline CURLcode beacon_curl_setopt_write_function(CURL *handle, beacon_curl_write_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, callback);
}

static inline CURLcode beacon_curl_setopt_header_function(CURL *handle, beacon_curl_write_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, callback);
}

static inline CURLcode beacon_curl_setopt_read_function(CURL *handle, beacon_curl_read_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_READFUNCTION, callback);
}

static inline CURLcode beacon_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode beacon_curl_getinfo_double(CURL *handle, CURLINFO info, double *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode beacon_curl_getinfo_pointer(CURL *handle, CURLINFO info, void **value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLMcode beacon_curl_multi_setopt_long(CURLM *multi, CURLMoption option, long value) {
    return curl_multi_setopt(multi, option, value);
}

typedef int (*beacon_curl_socket_callback)(CURL *easy, curl_socket_t socket, int what, void *context, void *socketContext);
typedef int (*beacon_curl_timer_callback)(CURLM *multi, long timeoutMilliseconds, void *context);

static inline CURLMcode beacon_curl_multi_setopt_pointer(CURLM *multi, CURLMoption option, void *value) {
    return curl_multi_setopt(multi, option, value);
}

static inline CURLMcode beacon_curl_multi_setopt_socket_function(CURLM *multi, beacon_curl_socket_callback callback) {
    return curl_multi_setopt(multi, CURLMOPT_SOCKETFUNCTION, callback);
}

static inline CURLMcode beacon_curl_multi_setopt_timer_function(CURLM *multi, beacon_curl_timer_callback callback) {
    return curl_multi_setopt(multi, CURLMOPT_TIMERFUNCTION, callback);
}

#ifdef __linux__
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>

/* struct epoll_event is packed on x86_64; these wrappers keep its layout on the C side. */

static inline int beacon_epoll_control(int epoll, int operation, int fd, uint32_t events, uint64_t data) {
    struct epoll_event event;
    event.events = events;
    event.data.u64 = data;
    return epoll_ctl(epoll, operation, fd, &event);
}

/* Waits like epoll_wait, writing each ready event's flags and data into two arrays of `capacity` (at most 256). */
static inline int beacon_epoll_wait(int epoll, uint32_t *events, uint64_t *data, int capacity, int timeoutMilliseconds) {
    struct epoll_event ready[256];
    if (capacity > 256) capacity = 256;
    int count = epoll_wait(epoll, ready, capacity, timeoutMilliseconds);
    for (int index = 0; index < count; index++) {
        events[index] = ready[index].events;
        data[index] = ready[index].data.u64;
    }
    return count;
}
#endif

#endif
