/* .stim loading and the per-cycle driver. */
#include "stim.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_WORDS = 8 };

/* Append to a growing array; false when out of memory. */
static bool push(void **array, size_t *n, size_t *cap, size_t size, const void *item)
{
    if (*n == *cap) {
        size_t c = *cap ? *cap * 2 : 64;
        void *p = realloc(*array, c * size);
        if (!p)
            return false;
        *array = p;
        *cap = c;
    }
    memcpy((char *)*array + *n * size, item, size);
    (*n)++;
    return true;
}

static bool hex(const char *s, unsigned bits, uint64_t *out)
{
    size_t n = strlen(s);
    if (n == 0 || n > 16 || strspn(s, "0123456789abcdefABCDEF") != n)
        return false;
    *out = strtoull(s, NULL, 16);
    return bits >= 64 || (*out >> bits) == 0;
}

static bool dec(const char *s, uint64_t *out)
{
    size_t n = strlen(s);
    if (n == 0 || n > 19 || strspn(s, "0123456789") != n)
        return false;
    *out = strtoull(s, NULL, 10);
    return true;
}

static bool bit(const char *s, bool *out)
{
    if (strcmp(s, "0") && strcmp(s, "1"))
        return false;
    *out = s[0] == '1';
    return true;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Parse one line's words; returns NULL or an error message. */
static const char *parse(pw_stim *s, char **w, int n, bool *header_done, uint64_t *last_cycle,
                         size_t caps[4])
{
    uint64_t v1, v2;
    if (w[0][0] != '@') {
        if (*header_done)
            return "header lines (ad, cycles, m, e, w, plan) must come before the first @ line";
        if (!strcmp(w[0], "ad") && n == 2) {
            if (!strcmp(w[1], "svade"))
                s->ad = PW_AD_SVADE;
            else if (!strcmp(w[1], "svadu"))
                s->ad = PW_AD_SVADU;
            else
                return "ad takes svade or svadu";
        } else if (!strcmp(w[0], "cycles") && n == 2) {
            if (!dec(w[1], &s->cycles))
                return "cycles takes a decimal number";
        } else if (!strcmp(w[0], "m") && n == 3) {
            if (!hex(w[1], 34, &v1) || (v1 & 3) || !hex(w[2], 32, &v2))
                return "m takes a word-aligned 34-bit ADDR and a 32-bit VALUE, in hex";
            if (!pw_smem_set(s->mem, v1, (uint32_t)v2))
                return "out of memory";
        } else if ((!strcmp(w[0], "e") || !strcmp(w[0], "w")) && n == 2) {
            if (!hex(w[1], 34, &v1) || (v1 & 3))
                return "e and w take a word-aligned 34-bit ADDR in hex";
            if (w[0][0] == 'e' ? !pw_smem_set_error(s->mem, v1)
                               : !push((void **)&s->write_errors, &s->nwrite_errors, &caps[0],
                                       sizeof v1, &v1))
                return "out of memory";
        } else if (!strcmp(w[0], "plan") && n == 3) {
            pw_stim_step st;
            if (!dec(w[1], &v1) || !dec(w[2], &v2) || v2 < 1 || v1 > 1000000 || v2 > 1000000)
                return "plan takes READY >= 0 and LATENCY >= 1, in decimal";
            st.ready = (unsigned)v1;
            st.latency = (unsigned)v2;
            if (!push((void **)&s->plan, &s->nplan, &caps[1], sizeof st, &st))
                return "out of memory";
        } else {
            return "unknown or malformed line (expected ad, cycles, m, e, w, plan or @CYCLE ...)";
        }
        return NULL;
    }
    uint64_t cycle;
    if (!dec(w[0] + 1, &cycle))
        return "@CYCLE needs a decimal cycle";
    if (cycle < *last_cycle)
        return "@ lines must be in cycle order";
    *last_cycle = cycle;
    *header_done = true;
    if (n < 2)
        return "@CYCLE needs an event";
    pw_stim_event e = {.cycle = cycle};
    if (!strcmp(w[1], "reset") && n == 2) {
        e.kind = PW_STIM_RESET;
    } else if (!strcmp(w[1], "ctx") && n == 5) {
        e.kind = PW_STIM_CTX;
        if (!hex(w[2], 32, &v1) || !bit(w[3], &e.f1) || !bit(w[4], &e.f2))
            return "ctx takes SATP (hex) SUM MXR (0 or 1)";
        e.a = (uint32_t)v1;
    } else if (!strcmp(w[1], "sfence") && n == 6) {
        e.kind = PW_STIM_SFENCE;
        if (!hex(w[2], 32, &v1) || !hex(w[3], 9, &v2) || !bit(w[4], &e.f1) || !bit(w[5], &e.f2))
            return "sfence takes VA (hex) ASID (hex, 9 bits) ALLVA ALLASID (0 or 1)";
        e.a = (uint32_t)v1;
        e.b = (uint32_t)v2;
    } else if (!strcmp(w[1], "req") && n == 5) {
        pw_stim_request r = {.cycle = cycle};
        if (!hex(w[2], 32, &v1))
            return "req takes VA (hex) ACC (r, w, x) PRIV (U, S, M)";
        r.va = (uint32_t)v1;
        pw_access access;
        pw_priv priv;
        if (!pw_access_parse(w[3], &access))
            return "req ACC must be r, w or x";
        if (!pw_priv_parse(w[4], &priv))
            return "req PRIV must be U, S or M";
        r.access = pw_mmu_access_port(access);
        r.priv = pw_mmu_priv_port(priv);
        return push((void **)&s->requests, &s->nrequests, &caps[2], sizeof r, &r) ? NULL : "out of memory";
    } else {
        return "unknown or malformed @ line (expected reset, ctx, req or sfence with its fields)";
    }
    return push((void **)&s->events, &s->nevents, &caps[3], sizeof e, &e) ? NULL : "out of memory";
}

int pw_stim_load(const char *path, pw_stim *s, FILE *err)
{
    memset(s, 0, sizeof *s);
    s->mem = pw_smem_new();
    FILE *f = fopen(path, "r");
    if (!f || !s->mem) {
        fprintf(err, "%s: error: cannot open: %s\n", path, f ? "out of memory" : strerror(errno));
        if (f)
            fclose(f);
        return 2;
    }
    char line[512];
    unsigned lineno = 0;
    bool header_done = false, seen_cycles = false, seen_ad = false, seen_event = false, seen_sfence = false;
    uint64_t last_sfence = 0;
    uint64_t last_cycle = 0;
    size_t caps[4] = {0};
    int status = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        size_t len = strlen(line);
        if (len == sizeof line - 1 && line[len - 1] != '\n') {
            fprintf(err, "%s:%u: error: line longer than %zu characters\n", path, lineno, sizeof line - 2);
            status = 2;
            break;
        }
        char *first = line + strspn(line, " \t");
        if (*first == '#')
            continue; /* a comment line */
        if (strchr(line, '#')) {
            fprintf(err, "%s:%u: error: comments must be on a line of their own\n", path, lineno);
            status = 2;
            break;
        }
        char *w[MAX_WORDS + 1];
        int n = 0;
        for (char *t = strtok(line, " \t\r\n"); t && n <= MAX_WORDS; t = strtok(NULL, " \t\r\n"))
            w[n++] = t;
        if (lineno == 1) {
            if (n != 2 || strcmp(w[0], "pagewalk-stimulus") || strcmp(w[1], "1")) {
                fprintf(err, "%s:1: error: not a stimulus file: the first line must be 'pagewalk-stimulus 1'\n", path);
                status = 2;
                break;
            }
            continue;
        }
        if (n == 0)
            continue;
        if (n > MAX_WORDS) {
            fprintf(err, "%s:%u: error: too many fields\n", path, lineno);
            status = 2;
            break;
        }
        const char *msg = NULL;
        if (!strcmp(w[0], "cycles") || !strcmp(w[0], "ad")) {
            bool *seen = w[0][0] == 'c' ? &seen_cycles : &seen_ad;
            if (*seen)
                msg = w[0][0] == 'c' ? "a second 'cycles' line" : "a second 'ad' line";
            *seen = true;
        } else if (n >= 2 && w[0][0] == '@' && !strcmp(w[1], "sfence")) {
            uint64_t c = strtoull(w[0] + 1, NULL, 10);
            if (seen_sfence && c == last_sfence)
                msg = "two sfences in one cycle";
            seen_sfence = true;
            last_sfence = c;
        } else if (w[0][0] == '@' && !seen_event && (strcmp(w[0], "@0") || n != 2 || strcmp(w[1], "reset"))) {
            msg = "the first @ line must be '@0 reset': the MMU's state is unknown until reset";
        }
        if (w[0][0] == '@')
            seen_event = true;
        if (!msg)
            msg = parse(s, w, n, &header_done, &last_cycle, caps);
        if (msg) {
            fprintf(err, "%s:%u: error: %s\n", path, lineno, msg);
            status = 2;
            break;
        }
    }
    if (status == 0 && lineno == 0) {
        fprintf(err, "%s:1: error: empty file: the first line must be 'pagewalk-stimulus 1'\n", path);
        status = 2;
    } else if (status == 0 && (!seen_cycles || !seen_ad)) {
        fprintf(err, "%s: error: no '%s' line\n", path, seen_cycles ? "ad svade|svadu" : "cycles N");
        status = 2;
    }
    fclose(f);
    if (status == 0 && s->nplan == 0) {
        pw_stim_step st = {0, 1};
        push((void **)&s->plan, &s->nplan, &caps[1], sizeof st, &st);
    }
    if (s->nwrite_errors)
        qsort(s->write_errors, s->nwrite_errors, sizeof *s->write_errors, cmp_u64);
    if (status)
        pw_stim_free(s);
    return status;
}

void pw_stim_free(pw_stim *s)
{
    pw_smem_free(s->mem);
    free(s->write_errors);
    free(s->plan);
    free(s->events);
    free(s->requests);
    memset(s, 0, sizeof *s);
}

bool pw_stim_write_error(const pw_stim *s, uint64_t addr)
{
    return s->nwrite_errors &&
           bsearch(&addr, s->write_errors, s->nwrite_errors, sizeof addr, cmp_u64) != NULL;
}

void pw_stim_driver_init(pw_stim_driver *d, const pw_stim *s)
{
    memset(d, 0, sizeof *d);
    d->s = s;
}

void pw_stim_inputs(pw_stim_driver *d, uint64_t cycle, const pw_mmu_outputs *out, pw_mmu_inputs *in)
{
    const pw_stim *s = d->s;
    memset(in, 0, sizeof *in);
    in->rst_n = true;
    for (; d->next_event < s->nevents && s->events[d->next_event].cycle <= cycle; d->next_event++) {
        const pw_stim_event *e = &s->events[d->next_event];
        if (e->cycle < cycle)
            continue; /* only ctx outlives its cycle, and it is applied below */
        if (e->kind == PW_STIM_RESET) {
            in->rst_n = false;
        } else if (e->kind == PW_STIM_CTX) {
            d->satp = e->a;
            d->sum = e->f1;
            d->mxr = e->f2;
        } else {
            in->sfence_valid = true;
            in->sfence_vaddr = e->a;
            in->sfence_asid = e->b;
            in->sfence_all_va = e->f1;
            in->sfence_all_asid = e->f2;
        }
    }
    in->satp = d->satp;
    in->sum = d->sum;
    in->mxr = d->mxr;

    if (d->next_request < s->nrequests && s->requests[d->next_request].cycle <= cycle) {
        const pw_stim_request *r = &s->requests[d->next_request];
        in->req_valid = true;
        in->req_vaddr = r->va;
        in->req_access = r->access;
        in->req_priv = r->priv;
        if (out->req_ready && in->rst_n)
            d->next_request++;
    }

    if (!in->rst_n) {  /* reset drops the outstanding access and the wait */
        d->pending = false;
        d->waited = 0;
        return;
    }
    if (d->pending && cycle == d->due) {
        in->mem_resp_valid = true;
        in->mem_resp_rdata = d->rdata;
        in->mem_resp_err = d->err;
        d->pending = false;
        return; /* the MMU cannot hold a request in the cycle of its response */
    }
    if (!out->mem_req_valid || d->pending)
        return;
    const pw_stim_step *step = &s->plan[d->accesses % s->nplan];
    if (d->waited < step->ready) {
        d->waited++;
        return;
    }
    in->mem_req_ready = true;
    d->waited = 0;
    d->accesses++;
    uint32_t ignored;
    if (out->mem_req_we) {
        d->err = pw_stim_write_error(s, out->mem_req_addr) || !pw_smem_get(s->mem, out->mem_req_addr, &ignored);
        if (!d->err)
            pw_smem_set(s->mem, out->mem_req_addr, out->mem_req_wdata);
        d->rdata = 0;
    } else {
        d->err = !pw_smem_get(s->mem, out->mem_req_addr, &d->rdata);
        if (d->err)
            d->rdata = 0;
    }
    d->pending = true;
    d->due = cycle + step->latency;
}
