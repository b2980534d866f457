# ISM, SSM, SSM-VR and DSM on the 2-D mixture (RBF energy model)
# Data: data/estimators/*.csv. Render from this folder with: gnuplot estimators.gp
if (!exists("svgout")) svgout = "estimators.svg"
if (!exists("pngout")) pngout = "estimators.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 1600,470 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 1600,470 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,3 title "ISM, SSM, SSM-VR and DSM on the 2-D mixture (RBF energy model)"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "relative parameter error"
  set xlabel "samples n"
  set ylabel "‖θ̂ − θ*‖/‖θ*‖"
  set key bottom left
  set logscale x; set format x "10^{%T}"
  set logscale y; set format y "10^{%T}"
  plot "data/estimators/1-1.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#CC79A7" notitle, \
       "data/estimators/1-2.csv" using 1:2 with lines lw 2 lc rgb "#CC79A7" title "ISM", \
       "data/estimators/1-3.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#D55E00" notitle, \
       "data/estimators/1-4.csv" using 1:2 with lines lw 2 lc rgb "#D55E00" title "SSM, Rademacher v", \
       "data/estimators/1-5.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#D55E00" notitle, \
       "data/estimators/1-6.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#D55E00" title "SSM-VR, Rademacher v", \
       "data/estimators/1-7.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#0072B2" notitle, \
       "data/estimators/1-8.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" title "SSM, Gaussian v", \
       "data/estimators/1-9.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#E69F00" notitle, \
       "data/estimators/1-10.csv" using 1:2 with lines lw 2 lc rgb "#E69F00" title "DSM σ = 0.1", \
       "data/estimators/1-11.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#56B4E9" notitle, \
       "data/estimators/1-12.csv" using 1:2 with lines lw 2 lc rgb "#56B4E9" title "DSM σ = 0.3"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "excess Fisher divergence"
  set xlabel "samples n"
  set ylabel "J(θ̂) − J(θ*)"
  set key bottom left
  set logscale x; set format x "10^{%T}"
  set logscale y; set format y "10^{%T}"
  plot "data/estimators/2-1.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#CC79A7" title "ISM", \
       "data/estimators/2-2.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#D55E00" title "SSM, Rademacher v", \
       "data/estimators/2-3.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#D55E00" title "SSM-VR, Rademacher v", \
       "data/estimators/2-4.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#0072B2" title "SSM, Gaussian v", \
       "data/estimators/2-5.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#E69F00" title "DSM σ = 0.1", \
       "data/estimators/2-6.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#56B4E9" title "DSM σ = 0.3"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "n = 500: projections per sample"
  set xlabel "directions m per sample"
  set ylabel "‖θ̂ − θ*‖/‖θ*‖"
  set key top right
  set logscale x; set format x "10^{%T}"
  set logscale y; set format y "10^{%T}"
  plot "data/estimators/3-1.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#0072B2" title "SSM, Gaussian v", \
       "data/estimators/3-2.csv" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#D55E00" title "SSM, Rademacher v", \
       "data/estimators/3-3.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#D55E00" title "SSM-VR, Rademacher v", \
       "data/estimators/3-4.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#CC79A7" title "ISM (exact trace)"
  unset multiplot
  set output
}
