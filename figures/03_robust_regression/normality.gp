# OLS slope, standardised, over replications (n = 100)
# Data: data/normality/*.csv. Render from this folder with: gnuplot normality.gp
if (!exists("svgout")) svgout = "normality.svg"
if (!exists("pngout")) pngout = "normality.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 1500,420 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 1500,420 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,3 title "OLS slope, standardised, over replications (n = 100)"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "Normal errors"
  set xlabel "(β̂₁ − β₁)/√(σ²/S_{xx})"
  set ylabel "density"
  set key below horizontal center maxcols 1; set bmargin 6
  plot "data/normality/1-1.csv" using 1:2 with steps lw 2 lc rgb "#0072B2" title "histogram of the OLS slope", \
       "data/normality/1-2.csv" using 1:2 with lines lw 2 lc rgb "#000000" title "N(0, 1)"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "t₅ errors"
  set xlabel "(β̂₁ − β₁)/√(σ²/S_{xx})"
  set ylabel "density"
  set key below horizontal center maxcols 1; set bmargin 6
  plot "data/normality/2-1.csv" using 1:2 with steps lw 2 lc rgb "#0072B2" title "histogram of the OLS slope", \
       "data/normality/2-2.csv" using 1:2 with lines lw 2 lc rgb "#000000" title "N(0, 1)"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "Cauchy errors"
  set xlabel "(β̂₁ − β₁)/γ,  γ = Σ|x_i − x̄|/S_{xx}"
  set ylabel "density"
  set key below horizontal center maxcols 1; set bmargin 6
  plot "data/normality/3-1.csv" using 1:2 with steps lw 2 lc rgb "#0072B2" title "histogram of the OLS slope", \
       "data/normality/3-2.csv" using 1:2 with lines lw 2 lc rgb "#000000" title "Cauchy(0, 1) (exact)"
  unset multiplot
  set output
}
