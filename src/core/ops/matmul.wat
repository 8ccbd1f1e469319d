;; out (M, N) += A (M, K) @ B (K, N) in float32, four lanes at a time (WebAssembly SIMD).
;; Pointers are byte offsets into this module's memory; every matrix is row-major.
;;
;; Every entry of out is summed the same way on every path: the products A[m][k]·B[k][n] are
;; added in float32 in order of k, starting from 0, and the sum is then added to out. A vector
;; lane does exactly what the scalar path does, so a row's result does not depend on how many
;; rows or columns were computed with it.
;;
;; `causal` promises that A is zero right of its diagonal (A[m][k] = 0 for k > m), as attention
;; weights are; the products with those zeros are skipped, which for finite B changes no bit
;; (adding +0 or -0 to a sum that started at +0 leaves it as it was).
(module
  (memory (export "memory") 1)

  ;; Four rows × eight columns: eight vector sums held in registers across the whole of k.
  (func $block4x8 (param $po i32) (param $pa i32) (param $pb i32) (param $kEnd i32) (param $K4 i32) (param $N4 i32)
    (local $k i32) (local $b0 v128) (local $b1 v128) (local $a v128)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $k) (local.get $kEnd)))
        (local.set $b0 (v128.load (local.get $pb)))
        (local.set $b1 (v128.load offset=16 (local.get $pb)))
        (local.set $a (f32x4.splat (f32.load (local.get $pa))))
        (local.set $c00 (f32x4.add (local.get $c00) (f32x4.mul (local.get $a) (local.get $b0))))
        (local.set $c01 (f32x4.add (local.get $c01) (f32x4.mul (local.get $a) (local.get $b1))))
        (local.set $a (f32x4.splat (f32.load (i32.add (local.get $pa) (local.get $K4)))))
        (local.set $c10 (f32x4.add (local.get $c10) (f32x4.mul (local.get $a) (local.get $b0))))
        (local.set $c11 (f32x4.add (local.get $c11) (f32x4.mul (local.get $a) (local.get $b1))))
        (local.set $a (f32x4.splat (f32.load (i32.add (local.get $pa) (i32.shl (local.get $K4) (i32.const 1))))))
        (local.set $c20 (f32x4.add (local.get $c20) (f32x4.mul (local.get $a) (local.get $b0))))
        (local.set $c21 (f32x4.add (local.get $c21) (f32x4.mul (local.get $a) (local.get $b1))))
        (local.set $a (f32x4.splat (f32.load (i32.add (local.get $pa) (i32.mul (local.get $K4) (i32.const 3))))))
        (local.set $c30 (f32x4.add (local.get $c30) (f32x4.mul (local.get $a) (local.get $b0))))
        (local.set $c31 (f32x4.add (local.get $c31) (f32x4.mul (local.get $a) (local.get $b1))))
        (local.set $pa (i32.add (local.get $pa) (i32.const 4)))
        (local.set $pb (i32.add (local.get $pb) (local.get $N4)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next)))
    (v128.store (local.get $po) (f32x4.add (v128.load (local.get $po)) (local.get $c00)))
    (v128.store offset=16 (local.get $po) (f32x4.add (v128.load offset=16 (local.get $po)) (local.get $c01)))
    (local.set $po (i32.add (local.get $po) (local.get $N4)))
    (v128.store (local.get $po) (f32x4.add (v128.load (local.get $po)) (local.get $c10)))
    (v128.store offset=16 (local.get $po) (f32x4.add (v128.load offset=16 (local.get $po)) (local.get $c11)))
    (local.set $po (i32.add (local.get $po) (local.get $N4)))
    (v128.store (local.get $po) (f32x4.add (v128.load (local.get $po)) (local.get $c20)))
    (v128.store offset=16 (local.get $po) (f32x4.add (v128.load offset=16 (local.get $po)) (local.get $c21)))
    (local.set $po (i32.add (local.get $po) (local.get $N4)))
    (v128.store (local.get $po) (f32x4.add (v128.load (local.get $po)) (local.get $c30)))
    (v128.store offset=16 (local.get $po) (f32x4.add (v128.load offset=16 (local.get $po)) (local.get $c31))))

  ;; One row × four columns.
  (func $row4 (param $po i32) (param $pa i32) (param $pb i32) (param $kEnd i32) (param $N4 i32)
    (local $k i32) (local $c v128)
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $k) (local.get $kEnd)))
        (local.set $c (f32x4.add (local.get $c)
          (f32x4.mul (f32x4.splat (f32.load (local.get $pa))) (v128.load (local.get $pb)))))
        (local.set $pa (i32.add (local.get $pa) (i32.const 4)))
        (local.set $pb (i32.add (local.get $pb) (local.get $N4)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next)))
    (v128.store (local.get $po) (f32x4.add (v128.load (local.get $po)) (local.get $c))))

  ;; One row × one column.
  (func $row1 (param $po i32) (param $pa i32) (param $pb i32) (param $kEnd i32) (param $N4 i32)
    (local $k i32) (local $c f32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $k) (local.get $kEnd)))
        (local.set $c (f32.add (local.get $c) (f32.mul (f32.load (local.get $pa)) (f32.load (local.get $pb)))))
        (local.set $pa (i32.add (local.get $pa) (i32.const 4)))
        (local.set $pb (i32.add (local.get $pb) (local.get $N4)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next)))
    (f32.store (local.get $po) (f32.add (f32.load (local.get $po)) (local.get $c))))

  ;; Row m of out from column n on, one row at a time.
  (func $rowFrom (param $out i32) (param $a i32) (param $b i32) (param $m i32) (param $n i32)
                 (param $kEnd i32) (param $K i32) (param $N i32)
    (local $po i32) (local $pa i32)
    (local.set $po (i32.shl (i32.add (i32.mul (local.get $m) (local.get $N)) (local.get $n)) (i32.const 2)))
    (local.set $po (i32.add (local.get $out) (local.get $po)))
    (local.set $pa (i32.add (local.get $a) (i32.shl (i32.mul (local.get $m) (local.get $K)) (i32.const 2))))
    (block $done4
      (loop $next4
        (br_if $done4 (i32.gt_s (i32.add (local.get $n) (i32.const 4)) (local.get $N)))
        (call $row4 (local.get $po) (local.get $pa) (i32.add (local.get $b) (i32.shl (local.get $n) (i32.const 2)))
          (local.get $kEnd) (i32.shl (local.get $N) (i32.const 2)))
        (local.set $po (i32.add (local.get $po) (i32.const 16)))
        (local.set $n (i32.add (local.get $n) (i32.const 4)))
        (br $next4)))
    (block $done1
      (loop $next1
        (br_if $done1 (i32.ge_s (local.get $n) (local.get $N)))
        (call $row1 (local.get $po) (local.get $pa) (i32.add (local.get $b) (i32.shl (local.get $n) (i32.const 2)))
          (local.get $kEnd) (i32.shl (local.get $N) (i32.const 2)))
        (local.set $po (i32.add (local.get $po) (i32.const 4)))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $next1))))

  (func (export "matmulAdd") (param $out i32) (param $a i32) (param $b i32)
                             (param $M i32) (param $K i32) (param $N i32) (param $causal i32)
    (local $m i32) (local $n i32) (local $kEnd i32) (local $r i32)
    (block $blocksDone
      (loop $blocks
        (br_if $blocksDone (i32.gt_s (i32.add (local.get $m) (i32.const 4)) (local.get $M)))
        (local.set $kEnd (local.get $K))
        (if (i32.and (local.get $causal) (i32.lt_s (i32.add (local.get $m) (i32.const 4)) (local.get $K)))
          (then (local.set $kEnd (i32.add (local.get $m) (i32.const 4)))))
        (local.set $n (i32.const 0))
        (block $colsDone
          (loop $cols
            (br_if $colsDone (i32.gt_s (i32.add (local.get $n) (i32.const 8)) (local.get $N)))
            (call $block4x8
              (i32.add (local.get $out) (i32.shl (i32.add (i32.mul (local.get $m) (local.get $N)) (local.get $n)) (i32.const 2)))
              (i32.add (local.get $a) (i32.shl (i32.mul (local.get $m) (local.get $K)) (i32.const 2)))
              (i32.add (local.get $b) (i32.shl (local.get $n) (i32.const 2)))
              (local.get $kEnd)
              (i32.shl (local.get $K) (i32.const 2))
              (i32.shl (local.get $N) (i32.const 2)))
            (local.set $n (i32.add (local.get $n) (i32.const 8)))
            (br $cols)))
        (local.set $r (i32.const 0))
        (block $tailDone
          (loop $tail
            (br_if $tailDone (i32.ge_s (local.get $r) (i32.const 4)))
            (call $rowFrom (local.get $out) (local.get $a) (local.get $b) (i32.add (local.get $m) (local.get $r))
              (local.get $n) (local.get $kEnd) (local.get $K) (local.get $N))
            (local.set $r (i32.add (local.get $r) (i32.const 1)))
            (br $tail)))
        (local.set $m (i32.add (local.get $m) (i32.const 4)))
        (br $blocks)))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_s (local.get $m) (local.get $M)))
        (local.set $kEnd (local.get $K))
        (if (i32.and (local.get $causal) (i32.lt_s (i32.add (local.get $m) (i32.const 1)) (local.get $K)))
          (then (local.set $kEnd (i32.add (local.get $m) (i32.const 1)))))
        (call $rowFrom (local.get $out) (local.get $a) (local.get $b) (local.get $m)
          (i32.const 0) (local.get $kEnd) (local.get $K) (local.get $N))
        (local.set $m (i32.add (local.get $m) (i32.const 1)))
        (br $rows))))

  ;; out (M, N) += A (M, K) @ B (N, K)ᵀ one entry at a time, for a few rows against a matrix too big
  ;; to transpose first (the last position's logits against W_u). Each entry is summed as above.
  (func (export "matmulAddTransposedB") (param $out i32) (param $a i32) (param $b i32)
                                        (param $M i32) (param $K i32) (param $N i32)
    (local $m i32) (local $n i32) (local $pa i32) (local $pb i32) (local $k i32) (local $c f32)
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_s (local.get $m) (local.get $M)))
        (local.set $n (i32.const 0))
        (block $colsDone
          (loop $cols
            (br_if $colsDone (i32.ge_s (local.get $n) (local.get $N)))
            (local.set $pa (i32.add (local.get $a) (i32.shl (i32.mul (local.get $m) (local.get $K)) (i32.const 2))))
            (local.set $pb (i32.add (local.get $b) (i32.shl (i32.mul (local.get $n) (local.get $K)) (i32.const 2))))
            (local.set $c (f32.const 0))
            (local.set $k (i32.const 0))
            (block $done
              (loop $next
                (br_if $done (i32.ge_s (local.get $k) (local.get $K)))
                (local.set $c (f32.add (local.get $c) (f32.mul (f32.load (local.get $pa)) (f32.load (local.get $pb)))))
                (local.set $pa (i32.add (local.get $pa) (i32.const 4)))
                (local.set $pb (i32.add (local.get $pb) (i32.const 4)))
                (local.set $k (i32.add (local.get $k) (i32.const 1)))
                (br $next)))
            (f32.store (local.get $out) (f32.add (f32.load (local.get $out)) (local.get $c)))
            (local.set $out (i32.add (local.get $out) (i32.const 4)))
            (local.set $n (i32.add (local.get $n) (i32.const 1)))
            (br $cols)))
        (local.set $m (i32.add (local.get $m) (i32.const 1)))
        (br $rows))))
)
