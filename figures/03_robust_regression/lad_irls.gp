# LAD by IRLS on the outlier data: the gap to the exact minimum, step by step
# Data: data/lad_irls/*.csv. Render from this folder with: gnuplot lad_irls.gp
if (!exists("svgout")) svgout = "lad_irls.svg"
if (!exists("pngout")) pngout = "lad_irls.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 560,400 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 560,400 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,1 title "LAD by IRLS on the outlier data: the gap to the exact minimum, step by step"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title ""
  set xlabel "IRLS step t"
  set ylabel "relative objective gap; slope error"
  set key top right
  set logscale y; set format y "10^{%T}"
  plot "data/lad_irls/1-1.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#009E73" title "(Σ|r| − min Σ|r|) / min Σ|r|", \
       "data/lad_irls/1-2.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#CC79A7" title "|β̂₁(t) − β̂₁(exact)|"
  unset multiplot
  set output
}
