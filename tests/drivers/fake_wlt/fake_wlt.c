/* A stand-in for the vendor's WLT photo library, for tests/drivers/test_wlt_plugin.py.
 *
 * The "photo" is grey: pixel (x, y), counted from the top left, has the level
 * src[(y * 102 + x) % 1024], so a test can tell that the input went through.
 * Built once per variant with gcc -shared -fPIC and one of these macros:
 *   (none)      unpack() writes a 102x126 24-bit BMP and returns 1
 *   MANGLED     the same, exported as the C++ name _Z6unpackPcS_i
 *   RAW_RGB     unpack() writes raw bottom-up R,G,B rows (R = v, G = 255 - v, B = v / 2)
 *   FAIL        unpack() returns RESULT and writes nothing
 *   GARBAGE     unpack() fills dst with 'x' and returns 1
 *   WRONG_DIMS  unpack() writes a BMP 100 pixels wide and returns 1
 *   NO_SYMBOL   exports no known entry point
 *   GETBMP      exports GetBmp(char *wlt_file, int intf): reads NAME.wlt, writes NAME.bmp;
 *               with RESULT defined it returns RESULT instead
 *   FRAGILE     like (none), but crashes (SIGSEGV) when src[0] == 0xFF and hangs when src[0] == 0xFE
 *   HOSTILE     like (none), but first does what vendor code does behind the caller's back:
 *               resets SIGPIPE to SIG_DFL, writes zp.bmp into the current directory, chdir("/")
 * The library runs in the decoder's worker process, so the tests cannot read its globals: when
 * FAKE_WLT_TRACE names a file, each call appends one line to it:
 *   flag=<int> overlap=<0|1> pid=<worker pid> cwd=<current directory> file=<file GetBmp was given>
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define W 102
#define H 126
#define STRIDE 308
#define BMP_SIZE (54 + STRIDE * H)

int calls = 0;
int last_flag = -12345;
int overlaps = 0;
char last_file[4096] = "";
static int busy = 0;

static void put32(unsigned char *p, unsigned v) { p[0] = v; p[1] = v >> 8; p[2] = v >> 16; p[3] = v >> 24; }

__attribute__((unused)) static void make_bmp(const unsigned char *src, unsigned char *dst, int width) {
    memset(dst, 0, BMP_SIZE);
    dst[0] = 'B'; dst[1] = 'M';
    put32(dst + 2, BMP_SIZE); put32(dst + 10, 54); put32(dst + 14, 40);
    put32(dst + 18, width); put32(dst + 22, H);
    dst[26] = 1; dst[28] = 24;
    put32(dst + 34, STRIDE * H);
    for (int y = 0; y < H; y++) {
        unsigned char *row = dst + 54 + (H - 1 - y) * STRIDE;  /* BMP rows are bottom-up */
        for (int x = 0; x < W; x++) {
            unsigned char v = src[(y * W + x) % 1024];
            row[3 * x] = row[3 * x + 1] = row[3 * x + 2] = v;
        }
    }
}

static void trace(int flag, int overlap, const char *file) {
    const char *path = getenv("FAKE_WLT_TRACE");
    char cwd[4096] = "?";
    if (!path || !*path) return;
    if (!getcwd(cwd, sizeof cwd)) strcpy(cwd, "?");
    FILE *f = fopen(path, "a");
    if (!f) return;
    fprintf(f, "flag=%d overlap=%d pid=%d cwd=%s file=%s\n", flag, overlap, (int)getpid(), cwd, file);
    fclose(f);
}

/* Refuses to run two calls at once, like a library with global state would misbehave. */
__attribute__((unused)) static int enter_file(int flag, const char *file) {
    __sync_fetch_and_add(&calls, 1);
    last_flag = flag;
    if (__sync_lock_test_and_set(&busy, 1)) {
        __sync_fetch_and_add(&overlaps, 1);
        trace(flag, 1, file);
        return 0;
    }
    trace(flag, 0, file);
    usleep(2000);
    return 1;
}

__attribute__((unused)) static int enter(int flag) { return enter_file(flag, ""); }

__attribute__((unused)) static void leave(void) { __sync_lock_release(&busy); }

#if defined(NO_SYMBOL)
int decode_photo(void) { return 1; }

#elif defined(GETBMP)
int GetBmp(char *wlt_file, int intf) {
    unsigned char src[1024], bmp[BMP_SIZE];
    char out[4096];
    size_t n = strlen(wlt_file);
    if (!enter_file(intf, wlt_file)) return -99;
    snprintf(last_file, sizeof last_file, "%s", wlt_file);
#ifdef RESULT
    leave();
    return RESULT;
#endif
    if (n < 4 || n >= sizeof out || strcmp(wlt_file + n - 4, ".wlt") != 0) { leave(); return -2; }
    FILE *in = fopen(wlt_file, "rb");
    if (!in) { leave(); return -3; }
    size_t got = fread(src, 1, sizeof src, in);
    fclose(in);
    if (got != sizeof src) { leave(); return -4; }
    make_bmp(src, bmp, W);
    memcpy(out, wlt_file, n - 3);
    strcpy(out + n - 3, "bmp");
    FILE *f = fopen(out, "wb");
    if (!f) { leave(); return -1; }
    fwrite(bmp, 1, sizeof bmp, f);
    fclose(f);
    leave();
    return 1;
}

#else
#ifdef MANGLED
int unpack(char *src, char *dst, int bmpSave) __asm__("_Z6unpackPcS_i");
#endif
int unpack(char *src, char *dst, int bmpSave) {
    const unsigned char *in = (const unsigned char *)src;
    unsigned char *out = (unsigned char *)dst;
    if (!enter(bmpSave)) return -99;
#if defined(FAIL)
    (void)in; (void)out;
    leave();
    return RESULT;
#elif defined(GARBAGE)
    (void)in;
    memset(out, 'x', BMP_SIZE);
#elif defined(WRONG_DIMS)
    make_bmp(in, out, 100);
#elif defined(FRAGILE)
    if (in[0] == 0xFF) { volatile int *nowhere = 0; *nowhere = 1; }  /* a crash in vendor code */
    if (in[0] == 0xFE) sleep(60);  /* a hang */
    make_bmp(in, out, W);
#elif defined(HOSTILE)
    signal(SIGPIPE, SIG_DFL);
    FILE *stray = fopen("zp.bmp", "wb");
    if (stray) { fputs("stray", stray); fclose(stray); }
    if (chdir("/") != 0) { leave(); return -98; }
    make_bmp(in, out, W);
#elif defined(RAW_RGB)
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            unsigned char v = in[(y * W + x) % 1024];
            unsigned char *p = out + ((H - 1 - y) * W + x) * 3;
            p[0] = v; p[1] = 255 - v; p[2] = v / 2;
        }
#else
    make_bmp(in, out, W);
    if (bmpSave) {  /* what real bmpSave builds do: a file in the current directory */
        FILE *f = fopen("zp.bmp", "wb");
        if (f) { fwrite(out, 1, BMP_SIZE, f); fclose(f); }
    }
#endif
    leave();
    return 1;
}
#endif
