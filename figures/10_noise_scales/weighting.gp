# Optimal per-level DSM loss ℓ*(σ): unweighted and weighted by λ(σ) = σ²
# Data: data/weighting/*.csv. Render from this folder with: gnuplot weighting.gp
if (!exists("svgout")) svgout = "weighting.svg"
if (!exists("pngout")) pngout = "weighting.png"
set datafile separator ","
have_png = strstrt(GPVAL_TERMINALS, "pngcairo") > 0
do for [pass = 1:2] {
  if (pass == 1) { set terminal svg size 1200,460 dynamic enhanced font "DejaVu Sans,13" background "white"; set output svgout }
  if (pass == 2 && !have_png) { break }
  if (pass == 2) { set terminal pngcairo size 1200,460 enhanced font "DejaVu Sans,11" background "white"; set output pngout }
  set style line 100 lc rgb "#d0d0d0" lt 1 lw 0.5
  set grid back ls 100
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set multiplot layout 1,2 title "Optimal per-level DSM loss ℓ*(σ): unweighted and weighted by λ(σ) = σ²"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "unweighted ℓ*(σ) = d/σ² − J(q_σ)"
  set xlabel "noise level σ"
  set ylabel "ℓ*(σ)"
  set key top right
  set logscale x; set format x "10^{%T}"
  set logscale y; set format y "10^{%T}"
  plot "data/weighting/exact.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" title "d/σ² − J(q_σ) (quadrature)", \
       "data/weighting/d_over_sigma2.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#56B4E9" title "d/σ²", \
       "data/weighting/monte_carlo.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#D55E00" title "Monte Carlo ± 1 se"
  reset
  set datafile separator ","
  set grid back lc rgb "#d0d0d0" lw 0.5
  set border 3 lw 1; set tics nomirror out; set key box opaque samplen 2
  set title "weighted σ²ℓ*(σ) = d − σ²J(q_σ) ∈ [0, d]"
  set xlabel "noise level σ"
  set ylabel "σ² ℓ*(σ)"
  set key bottom left
  set logscale x; set format x "10^{%T}"
  set yrange [-0.1:2.3]
  plot "data/weighting/weighted_exact.csv" using 1:2 with lines lw 2 lc rgb "#0072B2" title "d − σ²J(q_σ) (quadrature)", \
       "data/weighting/weighted_monte_carlo.csv" using 1:2:3 with yerrorbars pt 7 ps 0.7 lc rgb "#D55E00" title "Monte Carlo ± 1 se", \
       "data/weighting/bound.csv" using 1:2 with lines lw 2 dt 2 lc rgb "#56B4E9" title "bound d = 2"
  unset multiplot
  set output
}
