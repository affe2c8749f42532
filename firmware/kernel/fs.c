/* fs.c: the file table of the image (format in pw_image.h). Files are read
 * and written through the block driver; a file's bytes past its size read as
 * zero. Only files marked writable take writes (shared mappings' write-back). */
#include "kernel.h"
#include "pw_image.h"

struct file { char name[PW_IMAGE_NAME_BYTES + 1]; uint32_t sector, bytes, flags; };
static struct file files[PW_IMAGE_MAX_FILES];
static int nfiles;
static uint8_t secbuf[SECTOR_BYTES];

static uint32_t get32(const uint8_t *p) { return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24; }

int fs_init(void)
{
    uint8_t hdr[PW_IMAGE_HEADER_BYTES];
    if (blk_sectors(BLK_IMAGE) < PW_IMAGE_HEADER_BYTES / SECTOR_BYTES) {
        printk("fs: the image is too small for a header\n");
        return -1;
    }
    for (uint32_t i = 0; i < PW_IMAGE_HEADER_BYTES / SECTOR_BYTES; i++)
        blk_read(BLK_IMAGE, i, hdr + i * SECTOR_BYTES);
    uint32_t count = get32(hdr + 4);
    if (get32(hdr) != PW_IMAGE_MAGIC || count > PW_IMAGE_MAX_FILES) {
        printk("fs: bad image header (magic 0x%08x, %u files)\n", get32(hdr), count);
        return -1;
    }
    for (uint32_t i = 0; i < count; i++) {
        const uint8_t *e = hdr + PW_IMAGE_ENTRY_OFFSET + i * PW_IMAGE_ENTRY_BYTES;
        struct file *f = &files[i];
        memcpy(f->name, e, PW_IMAGE_NAME_BYTES);
        f->name[PW_IMAGE_NAME_BYTES] = 0;
        f->sector = get32(e + PW_IMAGE_NAME_BYTES);
        f->bytes = get32(e + PW_IMAGE_NAME_BYTES + 4);
        f->flags = get32(e + PW_IMAGE_NAME_BYTES + 8);
        if (f->sector + (f->bytes + SECTOR_BYTES - 1) / SECTOR_BYTES > blk_sectors(BLK_IMAGE)) {
            printk("fs: file '%s' runs past the image\n", f->name);
            return -1;
        }
    }
    nfiles = (int)count;
    return 0;
}

int fs_lookup(const char *name)
{
    for (int i = 0; i < nfiles; i++)
        if (strcmp(files[i].name, name) == 0)
            return i;
    return -PW_ENOENT;
}

uint32_t fs_size(int file) { return files[file].bytes; }
int fs_writable(int file) { return (files[file].flags & PW_IMAGE_WRITABLE) != 0; }
const char *fs_name(int file) { return files[file].name; }
int fs_count(void) { return nfiles; }

/* Read n bytes at off; bytes past the end of the file read as zero. */
void fs_read(int file, uint32_t off, void *dst, uint32_t n)
{
    const struct file *f = &files[file];
    uint8_t *d = dst;
    while (n) {
        uint32_t in = off % SECTOR_BYTES, chunk = SECTOR_BYTES - in;
        if (chunk > n)
            chunk = n;
        if (off >= f->bytes) {
            memset(d, 0, chunk);
        } else {
            blk_read(BLK_IMAGE, f->sector + off / SECTOR_BYTES, secbuf);
            uint32_t valid = f->bytes - off < chunk ? f->bytes - off : chunk;
            memcpy(d, secbuf + in, valid);
            memset(d + valid, 0, chunk - valid);
        }
        d += chunk, off += chunk, n -= chunk;
    }
}

/* Write back n bytes at off (sector-aligned), clipped to the file's size. */
void fs_write_page(int file, uint32_t off, const void *src, uint32_t n)
{
    const struct file *f = &files[file];
    if (!(f->flags & PW_IMAGE_WRITABLE))
        panic("fs: write to read-only file '%s'", f->name);
    const uint8_t *s = src;
    for (; n && off < f->bytes; off += SECTOR_BYTES, s += SECTOR_BYTES, n -= n < SECTOR_BYTES ? n : SECTOR_BYTES) {
        uint32_t valid = f->bytes - off < SECTOR_BYTES ? f->bytes - off : SECTOR_BYTES;
        blk_read(BLK_IMAGE, f->sector + off / SECTOR_BYTES, secbuf);
        memcpy(secbuf, s, valid);
        blk_write(BLK_IMAGE, f->sector + off / SECTOR_BYTES, secbuf);
    }
    vmstats.file_writebacks++;
}
