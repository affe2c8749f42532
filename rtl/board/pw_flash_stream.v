// pw_flash_stream: after reset, reads the boot image (docs/fpga.md, "Loading
// the firmware") from the board's SPI flash and hands it out byte by byte, for
// the iCEBreaker SoC's UART receive line, where the boot loader takes it.
//
//   1. 0xAB: release the flash from deep power-down (the iCE40 puts it there
//      after configuration), then wait FLASH_WAKE_NS.
//   2. 0x03 at Offset: read the header's magic and length (8 bytes). No magic,
//      or a length of 2^LengthBits or more: nothing is sent (an erased flash
//      reads 0xFF). The loader checks the exact limit, and says so.
//   3. 0x03 at Offset again: read the header and the LENGTH bytes after it,
//      and send each one (valid/ready), pausing the SPI clock while a byte waits.
//
// SPI mode 0, SCK = clock / 2 while a byte moves, idle low. busy_o holds from
// reset until the last byte is taken or no image was found; found_o then says
// which.
`default_nettype none
`include "pagewalk_board.vh"

module pw_flash_stream #(
  parameter integer ClockHz  = 12000000,
  parameter [23:0]  Offset   = `PW_BOOT_FLASH_OFFSET,
  parameter integer LengthBits = $clog2(`PW_UP5K_SPRAM_BYTES)   // lengths below 2^LengthBits
) (
  input  wire       clk_i,
  input  wire       rst_ni,       // synchronous, active low
  // the flash
  output reg        spi_cs_no,
  output reg        spi_sck_o,
  output wire       spi_mosi_o,
  input  wire       spi_miso_i,
  // the image's bytes
  output reg        valid_o,
  input  wire       ready_i,
  output wire [7:0] data_o,
  output wire       busy_o,
  output reg        found_o
);
  localparam integer WakeCyclesI = (ClockHz / 1000000 + 1) * `PW_FLASH_WAKE_NS / 1000;
  localparam integer WaitBits    = $clog2(WakeCyclesI + 1);
  localparam [WaitBits-1:0] WakeCycles = WakeCyclesI[WaitBits-1:0];
  localparam [WaitBits-1:0] GapCycles  = 2;   // CS high between commands
  localparam [31:0] Magic = `PW_BOOT_MAGIC;
  localparam integer LeftBits = LengthBits + 1;   // header and image
  localparam integer HdrBytesI = `PW_BOOT_HDR_BYTES;
  localparam [LeftBits-1:0] HdrBytes = HdrBytesI[LeftBits-1:0];

  localparam [2:0] StWake = 3'd0, StWait = 3'd1, StCmd = 3'd2, StRead = 3'd3,
                   StSend = 3'd4, StDone = 3'd5;

  // ---------------------------------------------------------------- one byte on SPI
  reg        xfer_start;      // pulse: move tx_byte out and a byte in
  reg  [7:0] tx_byte;
  reg  [7:0] out_q, in_q;
  reg  [2:0] bit_q;
  reg        xfer_busy_q;
  assign spi_mosi_o = out_q[7];

  always @(posedge clk_i) begin
    if (!rst_ni) begin
      spi_sck_o   <= 1'b0;
      out_q       <= 8'd0;
      in_q        <= 8'd0;
      bit_q       <= 3'd0;
      xfer_busy_q <= 1'b0;
    end else if (xfer_start) begin
      out_q       <= tx_byte;
      bit_q       <= 3'd0;
      xfer_busy_q <= 1'b1;
    end else if (xfer_busy_q) begin
      if (!spi_sck_o) begin
        // SCK rises: the flash samples MOSI; MISO has been stable since the fall.
        spi_sck_o <= 1'b1;
        in_q      <= {in_q[6:0], spi_miso_i};
      end else begin
        spi_sck_o <= 1'b0;
        out_q     <= {out_q[6:0], 1'b0};
        bit_q     <= bit_q + 3'd1;
        if (bit_q == 3'd7) xfer_busy_q <= 1'b0;
      end
    end
  end
  wire xfer_done = xfer_busy_q && spi_sck_o && bit_q == 3'd7;   // in_q holds the byte next cycle

  // ---------------------------------------------------------------- the sequence
  reg [2:0]          state_q;
  reg [WaitBits-1:0] wait_q;
  reg [1:0]          cmd_q;        // command byte 0..3
  reg                streaming_q;  // the second read (0: the peek)
  reg [2:0]          peek_q;       // header byte 0..7 in the peek
  reg [LeftBits-1:0] left_q;       // bytes still to send
  reg [23:0]         length_q;     // the length's bytes so far, top aligned
  reg                bad_q;        // no magic
  reg                pending_q;    // a transfer is in flight
  reg                xfer_done_q;

  assign data_o = in_q;
  assign busy_o = (state_q != StDone);

  always @(*) begin
    case (cmd_q)
      2'd0:    tx_byte = `PW_FLASH_CMD_READ;
      2'd1:    tx_byte = Offset[23:16];
      2'd2:    tx_byte = Offset[15:8];
      default: tx_byte = Offset[7:0];
    endcase
    if (state_q == StWake) tx_byte = `PW_FLASH_CMD_WAKE;
    if (state_q == StRead) tx_byte = 8'h00;
    xfer_start = !pending_q && !xfer_busy_q &&
                 (state_q == StWake || state_q == StCmd || state_q == StRead);
  end

  wire [31:0] length_next = {in_q, length_q};   // little endian: the last byte is the top

  always @(posedge clk_i) begin
    if (!rst_ni) begin
      state_q     <= StWake;
      spi_cs_no   <= 1'b1;
      wait_q      <= {WaitBits{1'b0}};
      cmd_q       <= 2'd0;
      streaming_q <= 1'b0;
      peek_q      <= 3'd0;
      left_q      <= {LeftBits{1'b0}};
      length_q    <= 24'd0;
      bad_q       <= 1'b0;
      pending_q   <= 1'b0;
      xfer_done_q <= 1'b0;
      valid_o     <= 1'b0;
      found_o     <= 1'b0;
    end else begin
      xfer_done_q <= xfer_done;
      if (xfer_start) begin
        pending_q <= 1'b1;
        spi_cs_no <= 1'b0;
      end
      case (state_q)
        StWake: if (xfer_done_q) begin
          pending_q <= 1'b0;
          spi_cs_no <= 1'b1;
          wait_q    <= WakeCycles;
          state_q   <= StWait;
        end
        StWait: begin
          if (wait_q != {WaitBits{1'b0}}) wait_q <= wait_q - {{(WaitBits-1){1'b0}}, 1'b1};
          else begin
            cmd_q   <= 2'd0;
            state_q <= StCmd;
          end
        end
        StCmd: if (xfer_done_q) begin
          pending_q <= 1'b0;
          cmd_q     <= cmd_q + 2'd1;
          if (cmd_q == 2'd3) state_q <= StRead;
        end
        StRead: if (xfer_done_q) begin
          pending_q <= 1'b0;
          if (streaming_q) begin
            valid_o <= 1'b1;
            left_q  <= left_q - {{(LeftBits-1){1'b0}}, 1'b1};
            state_q <= StSend;
          end else begin
            peek_q <= peek_q + 3'd1;
            if (!peek_q[2] && in_q != Magic[{peek_q[1:0], 3'b000} +: 8]) bad_q <= 1'b1;
            if (peek_q[2]) length_q <= length_next[31:8];
            if (peek_q == 3'd7) begin
              spi_cs_no <= 1'b1;
              if (bad_q || length_next[31:LengthBits] != 0) state_q <= StDone;
              else begin
                left_q      <= length_next[LeftBits-1:0] + HdrBytes;
                streaming_q <= 1'b1;
                wait_q      <= GapCycles;
                state_q     <= StWait;
              end
            end
          end
        end
        StSend: if (ready_i) begin
          valid_o <= 1'b0;
          if (left_q == {LeftBits{1'b0}}) begin
            spi_cs_no <= 1'b1;
            found_o   <= 1'b1;
            state_q   <= StDone;
          end else begin
            state_q <= StRead;
          end
        end
        default: ;
      endcase
    end
  end
endmodule

`default_nettype wire
