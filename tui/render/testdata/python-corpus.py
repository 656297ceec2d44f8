#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""模块文档字符串，带转义 \n 和 {name} 与 %s。"""
from __future__ import annotations
from . import sibling
from ..pkg.sub import (a, b as c)
from x import None
import os, sys as system
import torch.nn as nn
import numpy  # 注释
yield from gen()
async def fetch(url: str) -> bytes:
    async with session.get(url) as resp:
        return await resp.read()

@dataclass
@torch.no_grad()
@ functools . lru_cache(maxsize=None)
class LoRALinear(nn.Module, metaclass=Meta):
    '''类文档 \t 带 tab'''
    __slots__ = ("a", 'b')

    def __init__(self, base: nn.Linear, r: int = 8, alpha: float = 16.0):
        super().__init__()
        self.scale = alpha / r  # 缩放
        self.A = nn.Parameter(torch.zeros(r, base.in_features))
        print(len(x), x.len, isinstance(x, int), cls, self.__dict__)
        raise ValueError(f"bad r={r!r:>10} {self.scale:.2f} {{literal}} {d['k']} {x if y else z}")

    def forward(self, x):
        return self.base(x) + (x @ self.A.T @ self.B.T) * self.scale

def __repr__(self): pass
def f(a, *args, **kwargs): return lambda y: y ** 2 // 3 % 4 << 1 >> 2 & 3 | 4 ^ 5 ~ 6
x := 10
n = 0x1F + 0o17 + 0b1010 + 1_000_000 + 3.14 + .5 + 1. + 1e10 + 2.5e-3 + 1E+5j + 1j + 0_1
s = r"\d+\n" + rb'\x00' + Rb"raw" + u"unicode \u4e2d \U0001F600 \x41 \101 \N{DASH}" + b'bytes\''
t = rf"raw {x} \n {{y}}" + fr'{z!s}' + F"{a=}" + f'{b = }' + f"{c:{width}.{prec}}"
u = """三引号 "内部" 引号
跨行 \\ 反斜杠 %(name)s %-5d %.3f {0} {name.attr[0]!r:^10}"""
v = '''单 ' 引号
''' + "unterminated
w = 'also unterminated
if x in y and a is not b or not c: pass
elif x: continue
else: break
while True: del x[0]
try: assert x, "msg"
except (KeyError, OSError) as e: raise
finally: global g; nonlocal n
with open("f") as fh: yield x
for i in range(10): match = re.match(r"a", s)
match x:
    case [1, 2]: print("case")
    case _: ...
obj.print(); obj.self; x.__class__; x.__init__()
__name__ == "__main__" and __file__
中文变量 = 数量 + 1
emoji = "😀" ; a ? b $ c ` d ！全角
x = y \
    + z
name.attr[0]: int
class
def
