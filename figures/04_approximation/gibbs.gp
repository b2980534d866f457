# Partial sums of the square wave sign x near its jump at 0
# Data: data/gibbs/*.csv. Render from this folder with: gnuplot gibbs.gp
if (!exists("svgout")) svgout = "gibbs.svg"
if (!exists("pngout")) pngout = "gibbs.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 560,400 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 560,400 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,1 title "Partial sums of the square wave sign x near its jump at 0"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title ""
  set xlabel "x (radians)"
  set ylabel "S_K f(x)"
  set key bottom right
  set xrange [-0.2:1.2]
  set yrange [-0.3:1.35]
  plot "data/gibbs/S15.csv" using 1:2 with lines lw 2 lc rgb "#D55E00" title "S_{15} f", \
       "data/gibbs/S63.csv" using 1:2 with lines lw 2 lc rgb "#009E73" title "S_{63} f", \
       "data/gibbs/S255.csv" using 1:2 with lines lw 2 lc rgb "#CC79A7" title "S_{255} f", \
       "data/gibbs/target.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" title "sign x", \
       "data/gibbs/limit.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#000000" title "1 + 2(Si(π)/π − ½)"
  unset multiplot
  set output
}
