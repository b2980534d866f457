# Squared error of a DSM score fit against the log-density of the noised data
# Data: data/low_density/*.csv. Render from this folder with: gnuplot low_density.gp
if (!exists("svgout")) svgout = "low_density.svg"
if (!exists("pngout")) pngout = "low_density.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 900,520 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 900,520 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,1 title "Squared error of a DSM score fit against the log-density of the noised data"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title ""
  set xlabel "log q_σ(u)"
  set ylabel "squared error (s_θ(u) − ∇log q_σ(u))², mean over fits"
  set key top right
  set logscale y; set format y "10^{%T}"
  plot "data/low_density/sigma_0_5.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#009E73" title "σ = 0.5", \
       "data/low_density/sigma_4.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#E69F00" title "σ = 4"
  unset multiplot
  set output
}
