"""Audio front-ends (``keras/src/layers/preprocessing/stft_spectrogram.py``, ``mel_spectrogram.py``).

``STFTSpectrogram`` is a strided 1-D convolution of every channel with ``frame_length``-long
STFT kernels (trainable weights); ``MelSpectrogram`` has no weights and counts frames as
``(length + sequence_stride + 1) // sequence_stride``.
"""

from __future__ import annotations

import math
from typing import Any

from kerascheck.engine.dims import UNKNOWN, Unresolved, format_dim, format_shape
from kerascheck.engine.layer import InputSpec, LayerError, LayerRule, register
from kerascheck.engine.operation_utils import (
    is_int,
    require_known,
    require_number,
    spatial_output,
    standardize_data_format,
    standardized_output_shape,
)

STFT_MODES = ("log", "magnitude", "psd", "real", "imag", "angle", "stft")

# ``scipy.signal.get_window(name, 1)`` (scipy 1.17): names it accepts, and names that need parameters.
SCIPY_WINDOWS = frozenset({
    "bart", "barthann", "bartlett", "bkh", "black", "blackharr", "blackman", "blackmanharris", "blk", "bman",
    "bmn", "bohman", "box", "boxcar", "brt", "brthan", "bth", "cosine", "exponential", "flat", "flattop", "flt",
    "halfcosine", "ham", "hamm", "hamming", "han", "hann", "lanczos", "nut", "nutl", "nuttall", "ones", "par",
    "parz", "parzen", "poisson", "rect", "rectangular", "sinc", "taylor", "taylorwin", "tri", "triang",
    "triangle", "tuk", "tukey",
})
SCIPY_PARAMETRIC_WINDOWS = frozenset({
    "cheb", "chebwin", "dpss", "gauss", "gaussian", "general cosine", "general gauss", "general gaussian",
    "general hamming", "general_cosine", "general_gauss", "general_gaussian", "general_hamming", "ggs", "gss",
    "kaiser", "kaiser bessel derived", "kaiser_bessel_derived", "kbd", "ksr",
})


def check_window_name(window: Any) -> None:
    """``scipy.signal.get_window(window, 1)`` for a window given by name."""
    if not isinstance(window, str):
        return
    if window in SCIPY_PARAMETRIC_WINDOWS:
        raise LayerError(f"'{window}' must have parameters, but window='{window}'!")
    if window not in SCIPY_WINDOWS:
        raise LayerError(f"Invalid window name '{window}' in parameter window='{window}'!")


@register("STFTSpectrogram")
class STFTSpectrogram(LayerRule):
    """``(batch, time, channels)`` → ``(batch, frames, channels · bins)`` (channels_first:
    ``(batch, channels · bins, frames)``), ``bins = fft_length // 2 + 1`` (doubled for
    ``mode='stft'``); ``expand_dims=True`` keeps channels as their own last (first) axis.

    ``frames`` is a convolution's output length with kernel ``frame_length`` and stride
    ``frame_step`` (default ``frame_length // 2``); ``fft_length`` defaults to the smallest
    power of two ``>= frame_length``.  Weights: ``real_kernel`` (unless ``mode='imag'``) and
    ``imag_kernel`` (unless ``mode='real'``), each ``(frame_length, 1, fft_length // 2 + 1)``.
    """

    input_spec = InputSpec(ndim=3)

    def configure(self) -> None:
        frame_length, frame_step, fft_length = self.frame_length, self.frame_step, self.fft_length
        if frame_step is not None:
            require_number(frame_step, ">")
            require_number(frame_length, "<")
            if frame_step > frame_length or frame_step < 1:
                raise LayerError(
                    "`frame_step` should be a positive integer not greater than `frame_length`. "
                    f"Received frame_step={frame_step}, frame_length={frame_length}"
                )
        if fft_length is not None:
            require_number(fft_length, "<")
            require_number(frame_length, "<")
            if fft_length < frame_length:
                raise LayerError(
                    "`fft_length` should be not less than `frame_length`. "
                    f"Received fft_length={fft_length}, frame_length={frame_length}"
                )
        mode = self.mode
        if mode is not UNKNOWN and mode not in STFT_MODES:
            raise LayerError(
                f"Output mode is invalid, it must be one of {', '.join(STFT_MODES)}. Received: mode={mode}"
            )
        scaling = self.scaling
        if scaling is not None and scaling is not UNKNOWN and scaling not in ("density", "spectrum"):
            raise LayerError(
                f"Scaling is invalid, it must be `None`, 'density' or 'spectrum'. Received scaling={scaling}"
            )
        padding = self.padding
        if padding is not UNKNOWN and padding not in ("valid", "same"):
            raise LayerError(f"Padding is invalid, it should be 'valid', 'same'. Received: padding={padding}")
        check_window_name(self.window)
        require_number(frame_length, "//")
        self.args["data_format"] = standardize_data_format(self.data_format)
        if frame_length is not UNKNOWN and frame_length <= 0 and not fft_length:
            raise LayerError("math domain error")  # 2 ** ceil(log2(frame_length))

    # ``self._frame_step`` / ``self._fft_length`` in Keras.
    def _step(self) -> Any:
        step = self.frame_step
        require_known(step)
        return step if step else self.frame_length // 2

    def _fft(self) -> Any:
        fft = self.fft_length
        require_known(fft)
        if fft:
            return fft
        require_known(self.frame_length)
        return 2 ** int(math.ceil(math.log2(self.frame_length)))

    def _bins(self) -> Any:
        fft = self._fft()
        if not is_int(fft) or not is_int(self.frame_length):
            raise Unresolved("a fractional frame or FFT length")
        return fft // 2 + 1

    def build(self, input_shape: tuple) -> None:
        bins = self._bins()
        shape = (self.frame_length, 1, bins)
        window = self.window
        if window is not None and not isinstance(window, str):
            require_known(window)
            if not isinstance(window, (tuple, list)) or len(window) != self.frame_length or any(
                isinstance(w, (tuple, list)) for w in window
            ):
                raise LayerError("The shape of `window` must be equal to [frame_length].")
        kernels = [name for name, skip in (("real_kernel", "imag"), ("imag_kernel", "real")) if self.mode != skip]
        for name in kernels:
            self.add_weight(name, shape)
        self.explain(
            f"STFTSpectrogram: {' and '.join(kernels)} of frame_length·(fft_length // 2 + 1) = "
            f"{format_dim(self.frame_length)}·{format_dim(bins)} = {format_dim(self.frame_length * bins)} each"
        )

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        channels_last = self.data_format == "channels_last"
        channels = input_shape[-1] if channels_last else input_shape[1]
        bins = self._bins()
        freq = bins * 2 if self.mode == "stft" else bins
        if channels is None:
            raise LayerError("unsupported operand type(s) for *: 'int' and 'NoneType'", "undefined_dim")
        step = self._step()
        length = input_shape[1] if channels_last else input_shape[2]
        if step == 0:
            raise LayerError("cannot convert float infinity to integer")  # numpy divides by a zero stride
        (frames,), formulas = spatial_output(
            "STFTSpectrogram", (length,), (self.frame_length,), (step,), self.padding,
            describe=lambda: f"Received `inputs shape={tuple(input_shape)}`, `padding={self.padding}`.",
        )
        for line in formulas:
            self.explain(f"frames: {line}")
        if self.expand_dims:
            if channels_last:
                output = (input_shape[0], frames, freq, channels)
            else:
                output = (input_shape[0], channels, frames, freq)
        elif channels_last:
            output = (input_shape[0], frames, freq * channels)
        else:
            output = (input_shape[0], freq * channels, frames)
        stft = "2·" if self.mode == "stft" else ""
        self.explain(f"STFTSpectrogram: bins = {stft}({format_dim(self._fft())} // 2 + 1) = {format_dim(freq)}, "
                     f"{format_dim(channels)} channels → {format_shape(output)}")
        return output


@register("MelSpectrogram")
class MelSpectrogram(LayerRule):
    """``(batch, samples)`` → ``(batch, num_mel_bins, (samples + sequence_stride + 1) // sequence_stride)``
    (Keras's ``compute_output_shape``; an unbatched ``(samples,)`` drops the batch axis).  No weights."""

    def configure(self) -> None:
        fft_length, sequence_length = self.fft_length, self.sequence_length
        require_known(sequence_length)
        if not sequence_length:
            sequence_length = self.args["sequence_length"] = fft_length
        require_known(fft_length, sequence_length)
        if fft_length is None or sequence_length is None or not all(
            isinstance(v, (int, float)) for v in (fft_length, sequence_length)
        ):
            raise LayerError(
                f"'<' not supported between instances of '{type(fft_length).__name__}' and "
                f"'{type(sequence_length).__name__}'"
            )
        if fft_length < sequence_length:
            raise LayerError(
                "`fft_length` must be greater than or equal to   `sequence_length`. Received: "
                f"`sequence_length`={sequence_length}, `fft_length`={fft_length}."
            )
        if self.max_freq is None or self.max_freq == 0:
            require_number(self.sampling_rate, "/")

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        stride = self.sequence_stride
        if len(input_shape) == 0:
            raise LayerError("tuple index out of range", "rank")
        batched = len(input_shape) > 1
        length = input_shape[1] if batched else input_shape[0]
        if length is None or length is UNKNOWN:
            frames = length  # an unknown length may be None, for which Keras divides nothing
        else:
            require_known(stride)
            if stride == 0:
                raise LayerError("integer division or modulo by zero")
            require_number(stride, "+")
            frames = (length + stride + 1) // stride
        output = ((input_shape[0],) if batched else ()) + (self.num_mel_bins, frames)
        output = standardized_output_shape(output)
        if frames is not length:
            self.explain(f"MelSpectrogram: frames = ({format_dim(length)} + {format_dim(stride)} + 1) // "
                         f"{format_dim(stride)} = {format_dim(frames)}")
        self.explain(f"MelSpectrogram: {format_shape(output)}")
        return output
