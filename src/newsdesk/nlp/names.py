"""Whether two mentions of a personal name can name one person."""


def same_person(name: str, mention: str) -> bool:
    """The same surname and no other first name: "Colleen Williams" is not "Charles S. Williams",
    "C. Williams" may be either, and a bare "Williams" may be any Williams (the caller decides which)."""
    words, other = name.split(), mention.split()
    if not words or not other or words[-1] != other[-1]:
        return False
    if len(words) == 1 or len(other) == 1:
        return True
    # any given name in common: a title the model took into the name ("Restaurateur Bill Sohovich") stays harmless
    return any(_compatible(a.rstrip("."), b.rstrip(".")) for a in words[:-1] for b in other[:-1])


def _compatible(given: str, other: str) -> bool:
    return given == other or (min(len(given), len(other)) == 1 and given[:1] == other[:1])
