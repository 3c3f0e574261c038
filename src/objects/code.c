/* code.c — code objects: immutable compiled bytecode plus its metadata. */
#include "gilpy.h"
#include <stdlib.h>

const char *const opcode_names[OP_COUNT] = {
#define X(name, pop, push, note) [OP_##name] = #name,
    OPCODES(X)
#undef X
};

Obj *code_new(const uint32_t *code, const CodePos *pos, int ncode, Obj *consts, Obj *names,
              Obj *varnames, Obj *cellvars, Obj *freevars, Obj *filename, Obj *name,
              Obj *qualname, int argcount, int posonlyargcount, int kwonlyargcount,
              int stacksize, int flags, int firstlineno)
{
    CodeObj *co = (CodeObj *)obj_alloc(&Code_Type, 0);
    if (!co) return NULL;
    co->code = mem_alloc(sizeof(uint32_t) * (size_t)(ncode + 1));
    co->positions = mem_alloc(sizeof(CodePos) * (size_t)(ncode + 1));
    if (!co->code || !co->positions) { DECREF(co); return NULL; }
    if (ncode) {
        memcpy(co->code, code, sizeof(uint32_t) * (size_t)ncode);
        memcpy(co->positions, pos, sizeof(CodePos) * (size_t)ncode);
    }
    co->ncode = ncode;
    co->consts = NEWREF(consts);
    co->names = NEWREF(names);
    co->varnames = NEWREF(varnames);
    co->cellvars = NEWREF(cellvars);
    co->freevars = NEWREF(freevars);
    co->filename = NEWREF(filename ? filename : None);
    co->name = NEWREF(name);
    co->qualname = NEWREF(qualname);
    co->argcount = argcount;
    co->posonlyargcount = posonlyargcount;
    co->kwonlyargcount = kwonlyargcount;
    co->nlocals = (int)TUPLE_SIZE(varnames);
    co->ncells = (int)TUPLE_SIZE(cellvars);
    co->nfree = (int)TUPLE_SIZE(freevars);
    co->nlocalsplus = co->nlocals + co->ncells + co->nfree;
    co->stacksize = stacksize;
    co->flags = flags;
    co->firstlineno = firstlineno;
    /* cells that are also arguments */
    int nargs = argcount + kwonlyargcount + ((flags & CO_VARARGS) ? 1 : 0) + ((flags & CO_VARKEYWORDS) ? 1 : 0);
    for (int i = 0; i < co->ncells; i++) {
        Obj *cn = TUPLE_GET(cellvars, i);
        for (int j = 0; j < nargs && j < co->nlocals; j++) {
            if (str_eq(cn, TUPLE_GET(varnames, j))) {
                if (!co->cell2arg) {
                    co->cell2arg = mem_alloc(sizeof(int) * (size_t)co->ncells);
                    if (!co->cell2arg) { DECREF(co); return NULL; }
                    for (int k = 0; k < co->ncells; k++) co->cell2arg[k] = -1;
                }
                co->cell2arg[i] = j;
                break;
            }
        }
    }
    return OBJ(co);
}

static void code_dealloc(Obj *o)
{
    CodeObj *co = (CodeObj *)o;
    if (co->weakreflist) weakref_clear_all(o);
    mem_free(co->code);
    mem_free(co->positions);
    mem_free(co->cell2arg);
    XDECREF(co->consts);
    XDECREF(co->names);
    XDECREF(co->varnames);
    XDECREF(co->cellvars);
    XDECREF(co->freevars);
    XDECREF(co->filename);
    XDECREF(co->name);
    XDECREF(co->qualname);
    obj_free(o);
}

int code_location(Obj *code, int instr, int *line, int *end_line, int *col, int *end_col)
{
    CodeObj *co = (CodeObj *)code;
    if (!code || TYPE(code) != &Code_Type || instr < 0 || instr >= co->ncode) {
        if (line) *line = co && TYPE(code) == &Code_Type ? co->firstlineno : -1;
        if (end_line) *end_line = line ? *line : -1;
        if (col) *col = -1;
        if (end_col) *end_col = -1;
        return -1;
    }
    CodePos *p = &co->positions[instr];
    if (line) *line = p->line;
    if (end_line) *end_line = p->end_line;
    if (col) *col = p->col;
    if (end_col) *end_col = p->end_col;
    return 0;
}

Obj *code_filename(Obj *code) { return ((CodeObj *)code)->filename; }
Obj *code_name(Obj *code) { return ((CodeObj *)code)->name; }
Obj *code_qualname(Obj *code) { return ((CodeObj *)code)->qualname; }

static Obj *code_repr(Obj *o)
{
    CodeObj *co = (CodeObj *)o;
    return str_from_format("<code object %U at %p, file \"%U\", line %d>", co->name, (void *)o,
                           str_check(co->filename) ? co->filename : co->name, co->firstlineno);
}

static hash_t code_hash(Obj *o)
{
    hash_t h = (hash_t)(((uintptr_t)o) >> 4);
    return h == -1 ? -2 : h;
}

void code_dump(Obj *code, FILE *out)
{
    CodeObj *co = (CodeObj *)code;
    fprintf(out, "Disassembly of <code object %s, line %d> (stack %d, locals %d, cells %d, free %d, flags 0x%x):\n",
            STR_DATA(co->name), co->firstlineno, co->stacksize, co->nlocals, co->ncells, co->nfree, co->flags);
    int lastline = -1;
    for (int i = 0; i < co->ncode; i++) {
        uint32_t w = co->code[i];
        int op = INSTR_OP(w), arg = INSTR_ARG(w);
        CodePos *p = &co->positions[i];
        if (p->line != lastline) fprintf(out, "%4d ", p->line);
        else fprintf(out, "     ");
        lastline = p->line;
        fprintf(out, "%5d %-24s %d", i, op < OP_COUNT ? opcode_names[op] : "???", arg);
        Obj *extra = NULL;
        if (op == OP_LOAD_CONST || op == OP_KW_NAMES) extra = TUPLE_GET(co->consts, arg);
        else if (op == OP_LOAD_NAME || op == OP_STORE_NAME || op == OP_LOAD_GLOBAL || op == OP_STORE_GLOBAL ||
                 op == OP_LOAD_ATTR || op == OP_STORE_ATTR || op == OP_LOAD_METHOD || op == OP_IMPORT_NAME ||
                 op == OP_IMPORT_FROM || op == OP_DELETE_NAME || op == OP_DELETE_GLOBAL || op == OP_DELETE_ATTR ||
                 op == OP_STORE_ANNOTATION)
            extra = TUPLE_GET(co->names, arg);
        else if ((op == OP_LOAD_FAST || op == OP_STORE_FAST || op == OP_DELETE_FAST) && arg < co->nlocals)
            extra = TUPLE_GET(co->varnames, arg);
        else if (op == OP_LOAD_DEREF || op == OP_STORE_DEREF || op == OP_LOAD_CLOSURE || op == OP_DELETE_DEREF ||
                 op == OP_LOAD_CLASSDEREF)
            extra = arg < co->ncells ? TUPLE_GET(co->cellvars, arg) : TUPLE_GET(co->freevars, arg - co->ncells);
        if (extra) {
            Obj *r = obj_repr(extra);
            if (r) {
                fprintf(out, " (%s)", STR_DATA(r));
                DECREF(r);
            } else err_clear();
        }
        fputc('\n', out);
    }
    for (ssize_t i = 0; i < TUPLE_SIZE(co->consts); i++) {
        Obj *k = TUPLE_GET(co->consts, i);
        if (TYPE(k) == &Code_Type) {
            fputc('\n', out);
            code_dump(k, out);
        }
    }
}

/* ---- attributes ---- */

static Obj *code_get_code(Obj *o, void *cl)
{
    CodeObj *co = (CodeObj *)o;
    return bytes_from((const char *)co->code, (ssize_t)co->ncode * 4);
}

static Obj *code_get_nlocals(Obj *o, void *cl) { return int_from_long(((CodeObj *)o)->nlocals); }

static Obj *code_co_lines(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    CodeObj *co = (CodeObj *)self;
    Obj *l = list_new(0);
    if (!l) return NULL;
    for (int i = 0; i < co->ncode; i++) {
        Obj *t = tuple_new(3);
        if (!t) { DECREF(l); return NULL; }
        TUPLE_SET(t, 0, int_from_long((long long)i * 2));
        TUPLE_SET(t, 1, int_from_long((long long)i * 2 + 2));
        TUPLE_SET(t, 2, co->positions[i].line > 0 ? int_from_long(co->positions[i].line) : NEWREF(None));
        int r = list_append(l, t);
        DECREF(t);
        if (r < 0) { DECREF(l); return NULL; }
    }
    Obj *it = obj_iter(l);
    DECREF(l);
    return it;
}

static Obj *code_co_positions(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    CodeObj *co = (CodeObj *)self;
    Obj *l = list_new(0);
    if (!l) return NULL;
    for (int i = 0; i < co->ncode; i++) {
        CodePos *p = &co->positions[i];
        Obj *t = tuple_new(4);
        if (!t) { DECREF(l); return NULL; }
        TUPLE_SET(t, 0, p->line > 0 ? int_from_long(p->line) : NEWREF(None));
        TUPLE_SET(t, 1, p->end_line > 0 ? int_from_long(p->end_line) : NEWREF(None));
        TUPLE_SET(t, 2, p->col >= 0 ? int_from_long(p->col) : NEWREF(None));
        TUPLE_SET(t, 3, p->end_col >= 0 ? int_from_long(p->end_col) : NEWREF(None));
        int r = list_append(l, t);
        DECREF(t);
        if (r < 0) { DECREF(l); return NULL; }
    }
    Obj *it = obj_iter(l);
    DECREF(l);
    return it;
}

static Obj *code_replace(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    /* minimal: co_name / co_qualname / co_filename replacement */
    CodeObj *co = (CodeObj *)self;
    if (args_count("replace", nargs, 0, 0) < 0) return NULL;
    Obj *name = co->name, *qualname = co->qualname, *filename = co->filename;
    int flags = co->flags;
    ssize_t nkw = kwnames ? TUPLE_SIZE(kwnames) : 0;
    for (ssize_t i = 0; i < nkw; i++) {
        Obj *k = TUPLE_GET(kwnames, i), *v = args[nargs + (size_t)i];
        if (str_eq_cstr(k, "co_name")) name = v;
        else if (str_eq_cstr(k, "co_qualname")) qualname = v;
        else if (str_eq_cstr(k, "co_filename")) filename = v;
        else if (str_eq_cstr(k, "co_flags") && int_check(v)) flags = (int)int_as_long(v);
        else return err_format(&Exc_TypeError, "replace() got an unexpected keyword argument '%U'", k);
    }
    return code_new(co->code, co->positions, co->ncode, co->consts, co->names, co->varnames, co->cellvars,
                    co->freevars, filename, name, qualname, co->argcount, co->posonlyargcount,
                    co->kwonlyargcount, co->stacksize, flags, co->firstlineno);
}

static MethodDef code_methods[] = {
    { "co_lines", code_co_lines, 0, NULL },
    { "co_positions", code_co_positions, 0, NULL },
    { "replace", code_replace, 0, NULL },
    { NULL, NULL, 0, NULL },
};

static MemberDef code_members[] = {
    { "co_name", MEMBER_OBJ, offsetof(CodeObj, name), 1, NULL },
    { "co_qualname", MEMBER_OBJ, offsetof(CodeObj, qualname), 1, NULL },
    { "co_filename", MEMBER_OBJ, offsetof(CodeObj, filename), 1, NULL },
    { "co_consts", MEMBER_OBJ, offsetof(CodeObj, consts), 1, NULL },
    { "co_names", MEMBER_OBJ, offsetof(CodeObj, names), 1, NULL },
    { "co_varnames", MEMBER_OBJ, offsetof(CodeObj, varnames), 1, NULL },
    { "co_cellvars", MEMBER_OBJ, offsetof(CodeObj, cellvars), 1, NULL },
    { "co_freevars", MEMBER_OBJ, offsetof(CodeObj, freevars), 1, NULL },
    { "co_argcount", MEMBER_INT, offsetof(CodeObj, argcount), 1, NULL },
    { "co_posonlyargcount", MEMBER_INT, offsetof(CodeObj, posonlyargcount), 1, NULL },
    { "co_kwonlyargcount", MEMBER_INT, offsetof(CodeObj, kwonlyargcount), 1, NULL },
    { "co_stacksize", MEMBER_INT, offsetof(CodeObj, stacksize), 1, NULL },
    { "co_flags", MEMBER_INT, offsetof(CodeObj, flags), 1, NULL },
    { "co_firstlineno", MEMBER_INT, offsetof(CodeObj, firstlineno), 1, NULL },
    { NULL, 0, 0, 0, NULL },
};

static GetSetDef code_getset[] = {
    { "co_code", code_get_code, NULL, NULL, NULL },
    { "co_nlocals", code_get_nlocals, NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL },
};

TypeObj Code_Type = {
    TYPE_HEAD_INIT,
    .name = "code",
    .basicsize = sizeof(CodeObj),
    .flags = TF_IMMUTABLETYPE,
    .dealloc = code_dealloc,
    .repr = code_repr,
    .hash = code_hash,
    .methods = code_methods,
    .members = code_members,
    .getset = code_getset,
    .weaklistoffset = offsetof(CodeObj, weakreflist),
};
