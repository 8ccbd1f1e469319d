// Ops run on Float32 for the model and on Float64 for the finite-difference gradient checks.
export type Buf = Float32Array | Float64Array;
