"""Opening hooks that connect a lesson to the student's interest through a fitting analogy."""

from domain.interest import Interest
from infrastructure.offline.text_terms import stem, tokenize

# Each phrase completes "Think about ..." and describes learning step by step in that interest's world.
INTEREST_ANALOGIES: dict[str, str] = {
    "soccer": "how a soccer team wins by knowing what every player on the field is doing",
    "football": "how a football team studies each play before game day",
    "basketball": "how a basketball player practices each move until the whole game flows",
    "baseball": "how a baseball fan keeps track of every pitch, hit and run",
    "music": "how a song is built from notes, beats and patterns that fit together",
    "dancing": "how a dance is learned one step at a time until the whole routine flows",
    "art": "how an artist sketches the big shapes first and then adds the details",
    "dinosaurs": "how scientists put a dinosaur skeleton together one bone at a time",
    "space": "how astronauts study every part of a mission before launch day",
    "animals": "how a wildlife explorer watches closely to learn how each animal lives",
    "cooking": "how a recipe turns simple ingredients into a meal, one step at a time",
    "video games": "how you learn a new game level by level, unlocking new skills as you go",
    "minecraft": "how a Minecraft world is built block by block from simple pieces",
    "reading": "how a good book makes sense as each chapter adds a new piece of the story",
    "swimming": "how a swimmer learns each stroke before putting it all together in a race",
    "cars": "how a car works because every part, from the engine to the wheels, does its job",
    "robots": "how a robot follows clear steps, one instruction at a time",
    "coding": "how a program is built from small, clear steps that work together",
    "horses": "how a rider learns to understand a horse one lesson at a time",
    "dogs": "how a dog learns new tricks through small steps and lots of practice",
    "cats": "how a curious cat explores a new room, checking every corner",
    "nature": "how a hiker reads the trail, noticing each sign along the way",
    "lego": "how a LEGO model comes together brick by brick from clear instructions",
    "superheroes": "how a superhero team works because each hero brings a different power",
    "movies": "how a movie tells its story scene by scene",
    "trains": "how a train line connects one station to the next along its route",
    "gardening": "how a garden grows when you understand what each plant needs",
    "ocean": "how divers explore the ocean one layer at a time, from the surface to the deep",
    "drawing": "how a drawing starts with simple lines and grows into a full picture",
    "science": "how a scientist asks a question and tests one idea at a time",
    "chess": "how a chess player thinks a few moves ahead by knowing what each piece can do",
    "skateboarding": "how a skateboarder masters the basics before landing bigger tricks",
}
ALIASES: dict[str, str] = {
    "futbol": "soccer", "american football": "football", "nfl": "football", "nba": "basketball",
    "songs": "music", "singing": "music", "piano": "music", "guitar": "music", "dance": "dancing",
    "ballet": "dancing", "painting": "art", "dinosaur": "dinosaurs", "dinos": "dinosaurs", "astronomy": "space",
    "planets": "space", "rockets": "space", "pets": "dogs", "puppies": "dogs", "kittens": "cats",
    "baking": "cooking", "gaming": "video games", "games": "video games", "books": "reading",
    "stories": "reading", "programming": "coding", "computers": "coding", "robotics": "robots",
    "hiking": "nature", "camping": "nature", "legos": "lego", "building": "lego", "comics": "superheroes",
    "films": "movies", "sea": "ocean", "sharks": "ocean", "fish": "ocean", "plants": "gardening",
    "sketching": "drawing", "skating": "skateboarding", "horse riding": "horses", "cars and trucks": "cars",
}
_BY_STEM = {stem(key): key for key in (*INTEREST_ANALOGIES, *ALIASES) if " " not in key}


def analogy_for(interest: Interest) -> str | None:
    """The analogy phrase for a known interest (exact, alias or a word of it), else None."""
    value = interest.value
    key = ALIASES.get(value, value)
    if key in INTEREST_ANALOGIES:
        return INTEREST_ANALOGIES[key]
    for word in tokenize(value):
        match = _BY_STEM.get(stem(word))
        if match is not None:
            return INTEREST_ANALOGIES[ALIASES.get(match, match)]
    return None


def build_hook(topic: str, interest: Interest | None, *, young: bool = False) -> str:
    """A few sentences that open the lesson, naming the interest when there is one; shorter sentences
    for young students."""
    analogy = analogy_for(interest) if interest is not None else None
    if interest is None:
        if young:
            return f"Have you ever wondered about {topic}? Let's find out, one step at a time."
        return (f"Have you ever wondered about {topic}? In this lesson we will look at the facts step by step "
                "and build up to the big picture.")
    if analogy is None:
        if young:
            return f"You like {interest.value}. That means you are curious! Let's use that to learn about {topic}."
        return (f"You are interested in {interest.value}, and the curiosity you bring to it is just what "
                f"you need for {topic}. Let's look closely, ask good questions and see what the facts tell us.")
    if young:
        return (f"You love {interest.value}. Think about {analogy}. Learning about {topic} is like that. "
                "We will go one step at a time.")
    return (f"You love {interest.value}. Think about {analogy}. Learning about {topic} works the same way: "
            "we start with the basics, notice how the pieces fit, and build up to the big picture.")
