/* opcodes.h — the one list of every VM opcode.
 *
 * Encoding: each instruction is one 32-bit word: opcode in the low 8 bits,
 * argument in the upper 24 bits (INSTR_OP / INSTR_ARG).  Jump arguments are
 * absolute instruction indices.  Arguments never exceed 2^24-1 (the compiler
 * raises SystemError "code too large" otherwise).
 *
 * X(NAME, POP, PUSH, note): POP/PUSH are the stack effect for the fall-through
 * path; -1 means "depends on oparg" (see compile_stack_effect in compile.c).
 *
 * Exceptions use a runtime block stack (SETUP_FINALLY / SETUP_WITH push a
 * block, POP_BLOCK pops it: a couple of stores, no allocation).  When an
 * exception reaches a FINALLY block the VM unwinds the value stack to the
 * block's level, pushes an EXCEPT_HANDLER block, the previously handled
 * exception and the new one, and jumps to the handler: the handler starts with
 * [... prev_exc, exc] and ends with POP_EXCEPT (or RERAISE).
 */
#ifndef GILPY_OPCODES_H
#define GILPY_OPCODES_H

#include <stdint.h>

#define OPCODES(X) \
    X(NOP, 0, 0, "") \
    X(POP_TOP, 1, 0, "") \
    X(PUSH_NULL, 0, 1, "push a NULL marker (plain call)") \
    X(COPY, 0, 1, "push stack[-arg]") \
    X(SWAP, 0, 0, "swap TOS and stack[-arg]") \
    X(LOAD_CONST, 0, 1, "consts[arg]") \
    X(LOAD_FAST, 0, 1, "locals[arg] (UnboundLocalError if unset)") \
    X(STORE_FAST, 1, 0, "") \
    X(DELETE_FAST, 0, 0, "") \
    X(LOAD_DEREF, 0, 1, "cell/free slot arg") \
    X(LOAD_CLASSDEREF, 0, 1, "class body: locals dict, then cell") \
    X(STORE_DEREF, 1, 0, "") \
    X(DELETE_DEREF, 0, 0, "") \
    X(LOAD_CLOSURE, 0, 1, "push the cell itself") \
    X(LOAD_NAME, 0, 1, "locals, globals, builtins: names[arg]") \
    X(STORE_NAME, 1, 0, "") \
    X(DELETE_NAME, 0, 0, "") \
    X(LOAD_GLOBAL, 0, 1, "globals, builtins") \
    X(STORE_GLOBAL, 1, 0, "") \
    X(DELETE_GLOBAL, 0, 0, "") \
    X(LOAD_ATTR, 1, 1, "") \
    X(STORE_ATTR, 2, 0, "TOS.attr = TOS1") \
    X(DELETE_ATTR, 1, 0, "") \
    X(LOAD_METHOD, 1, 2, "push (func, self) or (NULL, attr)") \
    X(BINARY_OP, 2, 1, "arg: NB_* (+NB_INPLACE_BASE for in-place)") \
    X(UNARY_NEGATIVE, 1, 1, "") \
    X(UNARY_POSITIVE, 1, 1, "") \
    X(UNARY_NOT, 1, 1, "") \
    X(UNARY_INVERT, 1, 1, "") \
    X(COMPARE_OP, 2, 1, "arg: CMP_*") \
    X(IS_OP, 2, 1, "arg 1: is not") \
    X(CONTAINS_OP, 2, 1, "arg 1: not in") \
    X(BINARY_SUBSCR, 2, 1, "") \
    X(STORE_SUBSCR, 3, 0, "TOS1[TOS] = TOS2") \
    X(DELETE_SUBSCR, 2, 0, "") \
    X(BUILD_SLICE, -1, 1, "arg 2 or 3") \
    X(BUILD_TUPLE, -1, 1, "") \
    X(BUILD_LIST, -1, 1, "") \
    X(BUILD_SET, -1, 1, "") \
    X(BUILD_MAP, -1, 1, "arg pairs") \
    X(BUILD_CONST_KEY_MAP, -1, 1, "arg values + key tuple") \
    X(BUILD_STRING, -1, 1, "") \
    X(LIST_APPEND, 1, 0, "stack[-arg].append(TOS)") \
    X(SET_ADD, 1, 0, "") \
    X(MAP_ADD, 2, 0, "stack[-arg][TOS1] = TOS") \
    X(LIST_EXTEND, 1, 0, "") \
    X(SET_UPDATE, 1, 0, "") \
    X(DICT_UPDATE, 1, 0, "") \
    X(DICT_MERGE, 1, 0, "f(**a): duplicate keys are errors") \
    X(LIST_TO_TUPLE, 1, 1, "") \
    X(UNPACK_SEQUENCE, 1, -1, "") \
    X(UNPACK_EX, 1, -1, "arg: before | after << 8") \
    X(JUMP, 0, 0, "absolute; backward jumps poll the eval breaker") \
    X(POP_JUMP_IF_FALSE, 1, 0, "") \
    X(POP_JUMP_IF_TRUE, 1, 0, "") \
    X(POP_JUMP_IF_NONE, 1, 0, "") \
    X(POP_JUMP_IF_NOT_NONE, 1, 0, "") \
    X(JUMP_IF_FALSE_OR_POP, 1, 0, "keeps TOS when jumping") \
    X(JUMP_IF_TRUE_OR_POP, 1, 0, "keeps TOS when jumping") \
    X(GET_ITER, 1, 1, "") \
    X(FOR_ITER, 1, 2, "exhausted: pop iterator, jump") \
    X(CALL, -1, 1, "[NULL|func, callable|self, args...]; kwnames from KW_NAMES") \
    X(KW_NAMES, 0, 0, "consts[arg] is the kwnames tuple of the next CALL") \
    X(CALL_FUNCTION_EX, -1, 1, "[NULL, callable, argtuple, (kwdict if arg&1)]") \
    X(MAKE_FUNCTION, -1, 1, "flags: 1 defaults, 2 kwdefaults, 4 annotations, 8 closure; code on top") \
    X(RETURN_VALUE, 1, 0, "") \
    X(YIELD_VALUE, 1, 1, "arg 1: inside a yield-from/await loop") \
    X(GET_YIELD_FROM_ITER, 1, 1, "") \
    X(SEND, 2, 2, "[iter, v] -> [iter, yielded] or jump with [result]") \
    X(GET_AWAITABLE, 1, 1, "arg: 0 await, 1 async with enter, 2 async with exit") \
    X(GET_AITER, 1, 1, "") \
    X(GET_ANEXT, 1, 2, "") \
    X(END_ASYNC_FOR, 3, 0, "[aiter, prev, exc]: StopAsyncIteration ends the loop") \
    X(SETUP_FINALLY, 0, 0, "push a FINALLY block; handler arg") \
    X(SETUP_WITH, 0, 0, "FINALLY block whose level excludes TOS") \
    X(POP_BLOCK, 0, 0, "") \
    X(POP_EXCEPT, 1, 0, "pop EXCEPT_HANDLER block and prev exc") \
    X(RERAISE, 1, 0, "raise TOS again (no new traceback entry)") \
    X(RAISE_VARARGS, -1, 0, "arg 0 bare raise, 1 raise exc, 2 raise exc from cause") \
    X(JUMP_IF_NOT_EXC_MATCH, 1, 0, "pops the type, peeks the exception") \
    X(CHECK_EG_MATCH, 2, 2, "except*: [rest, type] -> [rest', match] or jump with [rest']") \
    X(PREP_RERAISE_STAR, 2, 1, "except*: [orig, list] -> [exc to raise or None]") \
    X(BEFORE_WITH, 1, 2, "mgr -> exit, enter()") \
    X(BEFORE_ASYNC_WITH, 1, 2, "mgr -> aexit, aenter() (awaitable)") \
    X(WITH_NORMAL_EXIT, 1, -1, "exit(None,None,None); arg 1: keep result") \
    X(WITH_EXCEPT_START, 0, 1, "[exit, prev, exc] -> push exit(type, exc, tb)") \
    X(LOAD_BUILD_CLASS, 0, 1, "") \
    X(LOAD_ASSERTION_ERROR, 0, 1, "") \
    X(IMPORT_NAME, 2, 1, "[level, fromlist] -> module") \
    X(IMPORT_FROM, 0, 1, "") \
    X(IMPORT_STAR, 1, 0, "") \
    X(FORMAT_VALUE, -1, 1, "arg&3: 0 none 1 str 2 repr 3 ascii; arg&4: spec on TOS") \
    X(PRINT_EXPR, 1, 0, "interactive: sys.displayhook") \
    X(SETUP_ANNOTATIONS, 0, 0, "") \
    X(STORE_ANNOTATION, 1, 0, "__annotations__[names[arg]] = TOS") \
    X(RETURN_CLASSCELL, 0, 0, "reserved") \
    X(MATCH_CLASS, 3, 1, "[subject, cls, kwnames] -> attrs tuple or None (arg: npos)") \
    X(MATCH_MAPPING, 0, 1, "") \
    X(MATCH_SEQUENCE, 0, 1, "") \
    X(MATCH_KEYS, 0, 1, "[subject, keys] -> values tuple or None") \
    X(GET_LEN, 0, 1, "") \
    X(COPY_DICT_WITHOUT_KEYS, 2, 2, "[subject, keys] -> [subject, rest]")

enum {
#define X(name, pop, push, note) OP_##name,
    OPCODES(X)
#undef X
    OP_COUNT
};

#define INSTR_OP(w)  ((int)((w) & 0xffu))
#define INSTR_ARG(w) ((int)((w) >> 8))
#define MAKE_INSTR(op, arg) ((uint32_t)(op) | ((uint32_t)(arg) << 8))
#define INSTR_ARG_MAX 0xffffff

extern const char *const opcode_names[OP_COUNT];

#endif
