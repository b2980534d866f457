// Named constants, so formulas read like the math.
#pragma once

namespace wb {
inline constexpr double Pi = 3.14159265358979323846;
inline constexpr double TwoPi = 2.0 * Pi;
inline constexpr double InvSqrt2Pi = 0.39894228040143267794;
inline constexpr double Log2Pi = 1.83787706640934548356;
inline constexpr double Sqrt2 = 1.41421356237309504880;
// MAD / 0.6745 estimates sigma for Gaussian data: 0.6745 = Phi^{-1}(3/4).
inline constexpr double MadToSigma = 1.0 / 0.67448975019608174320;
}  // namespace wb
