# L² error of the truncated Fourier series S_K f against the degree K
# Data: data/rates/*.csv. Render from this folder with: gnuplot rates.gp
if (!exists("svgout")) svgout = "rates.svg"
if (!exists("pngout")) pngout = "rates.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 560,400 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 560,400 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,1 title "L² error of the truncated Fourier series S_K f against the degree K"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title ""
  set xlabel "degree K"
  set ylabel "‖f − S_K f‖ in L²(−π, π)"
  set key below horizontal center maxcols 1; set bmargin 8
  set logscale x; set format x "10^{%T}"
  set logscale y; set format y "10^{%T}"
  set yrange [1e-16:10]
  plot "data/rates/target0.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#0072B2" title "sign x (slope -0.493)", \
       "data/rates/target1.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#D55E00" title "|x| (slope -1.479)", \
       "data/rates/target2.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#CC79A7" title "x (slope -0.497)", \
       "data/rates/expcos.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#009E73" title "e^{cos x} (faster than any power)"
  unset multiplot
  set output
}
