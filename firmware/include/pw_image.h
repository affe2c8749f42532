/* pw_image.h: the file image's format, read by the kernel (fs.c) and written
 * by tools/mkimage.py, which takes these numbers from this file.
 *
 * The image is a run of 512-byte sectors. Sectors 0..1 hold the header: the
 * magic word, the file count, then one entry per file. Each file starts on a
 * sector boundary. */
#ifndef PW_IMAGE_H
#define PW_IMAGE_H

#define PW_IMAGE_MAGIC        0x4d495750 /* "PWIM" little-endian */
#define PW_IMAGE_HEADER_BYTES 1024
#define PW_IMAGE_NAME_BYTES   20
#define PW_IMAGE_MAX_FILES    31
#define PW_IMAGE_WRITABLE     1          /* entry flag: shared mappings may write it back */

/* header: u32 magic, u32 count, u32 reserved[6], then entries */
#define PW_IMAGE_ENTRY_OFFSET 32
/* entry: char name[20], u32 first_sector, u32 bytes, u32 flags */
#define PW_IMAGE_ENTRY_BYTES  32

#endif
