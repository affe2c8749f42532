/* blk.c: the block driver. The file image and the swap area are RAM regions
 * that only this file touches, and only a 512-byte sector at a time, as a
 * disk driver would: every engine (QEMU, the ISS, the RTL SoC, a board) sees
 * the same accesses. The image is linked into the kernel ELF (.image); the
 * swap area is a NOLOAD region sized by SWAP_SLOTS. */
#include "kernel.h"

extern uint8_t __image_start[], __image_end[];
static uint8_t swap_area[SWAP_SLOTS * PGSIZE] __attribute__((aligned(PGSIZE), section(".pool.swap")));

static uint8_t *sector_addr(enum blkdev dev, uint32_t sector)
{
    if (sector >= blk_sectors(dev))
        panic("blk: sector %u beyond device %d (%u sectors)", sector, dev, blk_sectors(dev));
    uint8_t *base = dev == BLK_IMAGE ? __image_start : swap_area;
    return base + sector * SECTOR_BYTES;
}

uint32_t blk_sectors(enum blkdev dev)
{
    if (dev == BLK_IMAGE)
        return (uint32_t)(__image_end - __image_start) / SECTOR_BYTES;
    return SWAP_SLOTS * (PGSIZE / SECTOR_BYTES);
}

void blk_read(enum blkdev dev, uint32_t sector, void *buf)
{
    memcpy(buf, sector_addr(dev, sector), SECTOR_BYTES);
}

void blk_write(enum blkdev dev, uint32_t sector, const void *buf)
{
    memcpy(sector_addr(dev, sector), buf, SECTOR_BYTES);
}
