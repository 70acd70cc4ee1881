//go:build amd64 && !purego

#include "textflag.h"

// func foldBlocks(want, got unsafe.Pointer, last, maxFolds int) (i, j int, zeros, high uint64)
//
// Registers: SI want, DI got, R8 last, R9 maxFolds, AX i, BX j;
// Y4 "\n" in every byte, Y5 the OR of got's bytes, Y6 the OR of got's
// bytes compared with 0, Y7 zero.
TEXT ·foldBlocks(SB), NOSPLIT, $0-64
	MOVQ want+0(FP), SI
	MOVQ got+8(FP), DI
	MOVQ last+16(FP), R8
	MOVQ maxFolds+24(FP), R9
	XORQ AX, AX
	XORQ BX, BX
	VPXOR Y5, Y5, Y5
	VPXOR Y6, Y6, Y6
	VPXOR Y7, Y7, Y7
	MOVL $0x0a, CX
	MOVQ CX, X4
	VPBROADCASTB X4, Y4

loop:
	CMPQ AX, R8
	JGT  done
	VMOVDQU   (DI)(AX*1), Y0  // the block of got
	VPCMPEQB  Y4, Y0, Y1
	VPMOVMSKB Y1, DX          // its "\n"s
	VMOVDQU   (SI)(BX*1), Y2  // want at the same place
	VPCMPEQB  Y0, Y2, Y3
	VPMOVMSKB Y3, CX          // the bytes equal there
	VPOR      Y0, Y5, Y5
	VPCMPEQB  Y7, Y0, Y1
	VPOR      Y1, Y6, Y6
	TESTL     DX, DX
	JNZ       newline
	CMPL      CX, $0xffffffff
	JNE       done
	ADDQ      $32, AX
	ADDQ      $32, BX
	JMP       loop

newline:
	// A "\n" to fold: one more than the lengths allow ends the walk.
	MOVQ BX, R10
	SUBQ AX, R10
	CMPQ R10, R9
	JGE  done
	BSFL DX, R12      // k, the first "\n"
	LEAL -1(DX), R11
	TESTL R11, DX
	JNZ  partial      // more than one
	// One "\n", at k: bytes before it equal want's at the same place,
	// bytes from it on want's a byte further, and want holds "\r" at k.
	VMOVDQU   1(SI)(BX*1), Y2
	VPCMPEQB  Y0, Y2, Y3
	VPMOVMSKB Y3, R10 // the bytes equal a byte further
	MOVL R11, R13     // the bits below k
	NOTL R13
	ORL  R13, CX      // before k: equal at the same place
	ORL  R11, R10     // from k: equal a byte further
	ANDL R10, CX
	CMPL CX, $0xffffffff
	JNE  done
	LEAQ (BX)(R12*1), R13
	CMPB (SI)(R13*1), $0x0d
	JNE  done
	ADDQ $32, AX
	ADDQ $33, BX
	JMP  loop

partial:
	// Several "\n"s: pass the bytes up to the first, and its "\r\n".
	MOVL R12, CX      // k, for the shift
	VPMOVMSKB Y3, R10 // the bytes equal at the same place
	MOVL $1, R13
	SHLL CL, R13
	DECL R13          // the bits below k
	MOVL R10, R11
	ANDL R13, R11
	CMPL R11, R13
	JNE  done
	LEAQ (BX)(R12*1), R13
	CMPW (SI)(R13*1), $0x0a0d
	JNE  done
	LEAQ 1(AX)(R12*1), AX
	LEAQ 2(BX)(R12*1), BX
	JMP  loop

done:
	VPMOVMSKB Y6, CX
	VPMOVMSKB Y5, DX
	VZEROUPPER
	XORQ R10, R10
	TESTL CX, CX
	JZ   nozero
	MOVQ $0x80, R10
nozero:
	XORQ R11, R11
	TESTL DX, DX
	JZ   nohigh
	MOVQ $0x80, R11
nohigh:
	MOVQ AX, i+32(FP)
	MOVQ BX, j+40(FP)
	MOVQ R10, zeros+48(FP)
	MOVQ R11, high+56(FP)
	RET
