# Particles started at p∞ = (2/π)(1+x²)^{-2}: their upper quartile
# Data: data/drift_away/*.csv. Render from this folder with: gnuplot drift_away.gp
if (!exists("svgout")) svgout = "drift_away.svg"
if (!exists("pngout")) pngout = "drift_away.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 560,400 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 560,400 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,1 title "Particles started at p∞ = (2/π)(1+x²)^{-2}: their upper quartile"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title ""
  set xlabel "time t"
  set ylabel "upper quartile x_{0.75}"
  set key top left
  plot "data/drift_away/exact.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" title "p∞ (closed form)", \
       "data/drift_away/growth.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#56B4E9" title "x_{0.75} e^t", \
       "data/drift_away/em.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#009E73" title "Euler–Maruyama particles", \
       "data/drift_away/naive.csv" using 1:2 with points pt 7 ps 0.4 lc rgb "#56B4E9" title "flow particles, v = b − ½D∂log p"
  unset multiplot
  set output
}
