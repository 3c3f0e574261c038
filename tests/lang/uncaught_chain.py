class ConfigError(Exception):
    pass

def load(d):
    try:
        return d["port"]
    except KeyError as e:
        raise ConfigError("missing port") from e

def main():
    try:
        load({})
    except ConfigError:
        x = [1, 2]
        x[5]

main()
