/* image.S: the file image (built by tools/mkimage.py) linked into .image. */
    .section .image, "aw"
    .balign 512
    .incbin FW_IMAGE_PATH
