/* io.c — the `_io` and `io` modules: module table, IOBase, UnsupportedOperation.
 * File objects live in io_file.c, StringIO/BytesIO in io_string.c. */
#include "gilpy.h"
#include "modules/io.h"

TypeObj IOBase_Type = {
    TYPE_HEAD_INIT,
    .name = "_io._IOBase",
    .basicsize = sizeof(Obj),
    .flags = TF_BASETYPE,
    .doc = "The abstract base class for all I/O classes.",
};

/* io.UnsupportedOperation(OSError, ValueError): a static type whose layout is
 * OSError's; bases and MRO are preset so type_ready() keeps them. */
static TypeObj UnsupportedOperation_Type = {
    TYPE_HEAD_INIT,
    .name = "io.UnsupportedOperation",
    .flags = TF_BASETYPE | TF_EXC_SUBCLASS,
    .base = &Exc_OSError,
};

void io_register_unsupported(void)
{
    if (io_UnsupportedOperation) return;
    TypeObj *t = &UnsupportedOperation_Type;
    if (!(t->flags & TF_READY)) {
        t->basicsize = Exc_OSError.basicsize;
        t->itemsize = Exc_OSError.itemsize;
        t->flags |= Exc_OSError.flags & (TF_GC | TF_EXC_SUBCLASS);
        t->dictoffset = Exc_OSError.dictoffset;
        if (!t->bases) {
            t->bases = tuple_pack(2, OBJ(&Exc_OSError), OBJ(&Exc_ValueError));
            if (!t->bases) return;
        }
        if (!t->mro) {
            t->mro = tuple_pack(6, OBJ(t), OBJ(&Exc_OSError), OBJ(&Exc_ValueError), OBJ(&Exc_Exception),
                                OBJ(&Exc_BaseException), OBJ(&Object_Type));
            if (!t->mro) return;
        }
        if (type_ready(t) < 0) return;
    }
    io_UnsupportedOperation = t;
}

static MethodDef io_functions[] = {
    {"open", io_builtin_open, 0, "Open file and return a stream."},
    {NULL}
};

Obj *io_make_module(const char *name)
{
    Obj *m = module_new(name);
    if (!m) return NULL;
    if (module_add_functions(m, io_functions) < 0) goto fail;
    struct { const char *n; TypeObj *t; } types[] = {
        {"_IOBase", &IOBase_Type}, {"IOBase", &IOBase_Type}, {"RawIOBase", &IOBase_Type},
        {"BufferedIOBase", &IOBase_Type}, {"TextIOBase", &IOBase_Type},
        {"TextIOWrapper", &TextIOWrapper_Type}, {"BufferedReader", &BufferedReader_Type},
        {"BufferedWriter", &BufferedWriter_Type}, {"BufferedRandom", &BufferedRandom_Type},
        {"BufferedRWPair", &BufferedRandom_Type}, {"FileIO", &FileIO_Type},
        {"StringIO", &StringIO_Type}, {"BytesIO", &BytesIO_Type},
    };
    for (size_t i = 0; i < ARRAY_LEN(types); i++) {
        TypeObj *t = types[i].t;
        if (!(t->flags & TF_READY) && type_ready(t) < 0) goto fail;
        INCREF(t);
        if (module_add(m, types[i].n, OBJ(t)) < 0) goto fail;
    }
    io_register_unsupported();
    if (!io_UnsupportedOperation) goto fail;
    INCREF(io_UnsupportedOperation);
    if (module_add(m, "UnsupportedOperation", OBJ(io_UnsupportedOperation)) < 0) goto fail;
    INCREF(&Exc_BlockingIOError);
    if (module_add(m, "BlockingIOError", OBJ(&Exc_BlockingIOError)) < 0) goto fail;
    if (module_add_int(m, "DEFAULT_BUFFER_SIZE", 8192) < 0 ||
        module_add_int(m, "SEEK_SET", 0) < 0 ||
        module_add_int(m, "SEEK_CUR", 1) < 0 ||
        module_add_int(m, "SEEK_END", 2) < 0)
        goto fail;
    return m;
fail:
    DECREF(m);
    return NULL;
}

Obj *module_init__io(void)
{
    return io_make_module("_io");
}

Obj *module_init_io(void)
{
    return io_make_module("io");
}
