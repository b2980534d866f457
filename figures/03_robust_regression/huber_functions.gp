# Loss ρ, pull ψ = ρ′ and IRLS weight w = ψ(u)/u
# Data: data/huber_functions/*.csv. Render from this folder with: gnuplot huber_functions.gp
if (!exists("svgout")) svgout = "huber_functions.svg"
if (!exists("pngout")) pngout = "huber_functions.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 1500,420 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 1500,420 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,3 title "Loss ρ, pull ψ = ρ′ and IRLS weight w = ψ(u)/u"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "ρ(u)"
  set xlabel "u = r/s"
  set ylabel "ρ"
  set key below horizontal center maxcols 1; set bmargin 7
  set yrange [0:5]
  plot "data/huber_functions/1-1.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" title "least squares u²/2", \
       "data/huber_functions/1-2.csv" using 1:2 with lines lw 2 lc rgb "#D55E00" title "Huber, k = 1.345", \
       "data/huber_functions/1-3.csv" using 1:2 with lines lw 2 lc rgb "#009E73" title "LAD |u|"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "ψ(u) = ρ′(u)"
  set xlabel "u = r/s"
  set ylabel "ψ"
  set key top left
  set yrange [-3:3]
  plot "data/huber_functions/2-1.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" title "least squares", \
       "data/huber_functions/2-2.csv" using 1:2 with lines lw 2 lc rgb "#D55E00" title "Huber", \
       "data/huber_functions/2-3.csv" using 1:2 with lines lw 2 lc rgb "#009E73" title "LAD"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "w(u) = ψ(u)/u"
  set xlabel "u = r/s"
  set ylabel "w"
  set key below horizontal center maxcols 2; set bmargin 6
  set yrange [0:2]
  plot "data/huber_functions/3-1.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" title "least squares", \
       "data/huber_functions/3-2.csv" using 1:2 with lines lw 2 lc rgb "#D55E00" title "Huber", \
       "data/huber_functions/3-3.csv" using 1:2 with lines lw 2 lc rgb "#009E73" title "LAD 1/|u|"
  unset multiplot
  set output
}
