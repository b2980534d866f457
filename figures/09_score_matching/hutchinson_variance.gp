# Hutchinson's estimator: variance of vᵀAv per ‖A_s‖²_F
# Data: data/hutchinson_variance/*.csv. Render from this folder with: gnuplot hutchinson_variance.gp
if (!exists("svgout")) svgout = "hutchinson_variance.svg"
if (!exists("pngout")) pngout = "hutchinson_variance.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 1500,440 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 1500,440 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,3 title "Hutchinson's estimator: variance of vᵀAv per ‖A_s‖²_F"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "off-diagonal"
  set xlabel "dimension d"
  set ylabel "Var[vᵀAv] / ‖A_s‖²_F"
  set key below horizontal center maxcols 1; set bmargin 10
  set logscale x; set format x "10^{%T}"
  plot "data/hutchinson_variance/1-1.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" title "Gaussian (closed form)", \
       "data/hutchinson_variance/1-2.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#0072B2" title "Gaussian (simulated)", \
       "data/hutchinson_variance/1-3.csv" using 1:2 with lines lw 2 lc rgb "#D55E00" title "Rademacher (closed form)", \
       "data/hutchinson_variance/1-4.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#D55E00" title "Rademacher (simulated)", \
       "data/hutchinson_variance/1-5.csv" using 1:2 with lines lw 2 lc rgb "#009E73" title "sphere (closed form)", \
       "data/hutchinson_variance/1-6.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#009E73" title "sphere (simulated)"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "near identity"
  set xlabel "dimension d"
  set ylabel "Var[vᵀAv] / ‖A_s‖²_F"
  set key off
  set logscale x; set format x "10^{%T}"
  plot "data/hutchinson_variance/2-1.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" notitle, \
       "data/hutchinson_variance/2-2.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#0072B2" notitle, \
       "data/hutchinson_variance/2-3.csv" using 1:2 with lines lw 2 lc rgb "#D55E00" notitle, \
       "data/hutchinson_variance/2-4.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#D55E00" notitle, \
       "data/hutchinson_variance/2-5.csv" using 1:2 with lines lw 2 lc rgb "#009E73" notitle, \
       "data/hutchinson_variance/2-6.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#009E73" notitle
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "near diagonal"
  set xlabel "dimension d"
  set ylabel "Var[vᵀAv] / ‖A_s‖²_F"
  set key off
  set logscale x; set format x "10^{%T}"
  plot "data/hutchinson_variance/3-1.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" notitle, \
       "data/hutchinson_variance/3-2.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#0072B2" notitle, \
       "data/hutchinson_variance/3-3.csv" using 1:2 with lines lw 2 lc rgb "#D55E00" notitle, \
       "data/hutchinson_variance/3-4.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#D55E00" notitle, \
       "data/hutchinson_variance/3-5.csv" using 1:2 with lines lw 2 lc rgb "#009E73" notitle, \
       "data/hutchinson_variance/3-6.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#009E73" notitle
  unset multiplot
  set output
}
