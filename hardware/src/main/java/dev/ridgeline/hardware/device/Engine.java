package dev.ridgeline.hardware.device;

/** Which compute units a peak belongs to: matrix engines (tensor cores, AMX) or vector units (CUDA cores, SIMD). */
public enum Engine {
    MATRIX, VECTOR
}
