# Weight of the small mode after annealed Langevin, against steps per level
# Data: data/annealed_weight/*.csv. Render from this folder with: gnuplot annealed_weight.gp
if (!exists("svgout")) svgout = "annealed_weight.svg"
if (!exists("pngout")) pngout = "annealed_weight.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 900,500 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 900,500 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,1 title "Weight of the small mode after annealed Langevin, against steps per level"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title ""
  set xlabel "steps per level T"
  set ylabel "fraction of chains in the small mode"
  set key below horizontal center maxcols 2; set bmargin 6
  set logscale x; set format x "10^{%T}"
  set xrange [0.7:1500]
  set yrange [0.15:0.55]
  plot "data/annealed_weight/annealed.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#009E73" title "annealed Langevin ± 1 se", \
       "data/annealed_weight/target.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#56B4E9" title "true weight 0.2", \
       "data/annealed_weight/committor.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#CC79A7" title "plain Langevin (committor)"
  unset multiplot
  set output
}
