"""Common English given names and the gender they usually signal.

Used only to guess whether "he" or "she" can stand for a person when the article itself gives no
title or pronoun for them. The lists are the most frequent given names of English-speaking
countries' birth registers over the last century (the US Social Security top names by decade,
the UK's ONS lists), not names taken from any article. A name absent here simply leaves the
gender unknown.
"""

from __future__ import annotations

from functools import lru_cache

_MALE = """
aaron adam adrian alan albert alex alexander alfred allen andrew andy angus anthony antonio
arthur austin barry ben benjamin bernard bill billy bob bobby brad bradley brandon brendan
brett brian bruce bryan calvin carl carlos chad charles charlie chris christian christopher
chuck clarence clark claude cody colin connor craig curtis dale dan daniel danny darren dave
david dean dennis derek des devin dick dominic don donald doug douglas duncan dustin dylan earl
ed eddie edgar edward edwin elijah elliot eric ernest ethan eugene evan francis frank fred
frederick gabriel gareth gary gavin gene geoff geoffrey george gerald gilbert glen glenn gordon
graham grant greg gregory harold harry harvey hector henry herbert howard hugh hugo ian isaac
jack jackson jacob jake james jamie jared jason jay jeff jeffrey jeremy jerome jerry jesse jim
jimmy joe joel john johnny jon jonathan jordan jose joseph josh joshua juan julian justin keith
ken kenneth kevin kyle lance larry lawrence lee leo leon leonard lewis liam lloyd logan louis
lucas luke malcolm marcus mario mark martin marvin mason matt matthew max michael miguel mike
mitch mitchell nathan neil nicholas nick noah norman oliver oscar owen patrick paul pete peter
phil philip phillip ralph randy ray raymond richard rick ricky rob robert roberto rodney roger
ron ronald ross roy russell ryan sam samuel scott sean seth shane shaun simon stanley stephen
steve steven stuart ted terry thomas tim timothy todd tom tommy tony travis trevor troy tyler
victor vincent walter warren wayne wesley william willie zachary
"""

_FEMALE = """
abigail ada alexandra alice alicia alison allison amanda amber amy andrea angela anita ann anna
anne annie april ashley audrey barbara beatrice becky betty beverly brenda bridget brittany
carla carmen carol caroline carolyn catherine charlotte cheryl chloe christina christine cindy
claire clara claudia colleen connie courtney crystal cynthia daisy dana danielle darlene dawn
debbie deborah debra denise diana diane donna doris dorothy edith eileen elaine eleanor
elizabeth ella ellen emily emma erica erin esther eva evelyn fiona florence frances gail
georgia gillian gina gloria grace hannah harriet hazel heather heidi helen hillary holly irene
isabel isabella jackie jacqueline jane janet janice jean jennifer jenny jessica jill joan joanne
josephine joy joyce judith judy julia julie karen kate katherine kathleen kathryn kathy katie
kay kelly kim kimberly kristen laura lauren leah lily linda lisa lois loretta lori louise lucy
lydia lynn madeline madison margaret maria marie marilyn marion martha mary megan melanie
melissa michelle mildred molly monica nancy natalie nicole nora norma olivia pamela patricia
paula pauline peggy penny phyllis priscilla rachel rebecca regina renee rita roberta rosa rose
ruth sally samantha sandra sara sarah sharon sheila shirley sophia sophie stacy stephanie susan
suzanne sylvia tamara tammy teresa theresa tiffany tina tracy valerie vanessa vera veronica
victoria virginia wanda wendy yvonne zoe
"""

MALE_NAMES = frozenset(_MALE.split())
FEMALE_NAMES = frozenset(_FEMALE.split())


def given_name_gender(first: str) -> str | None:
    low = first.lower()
    if low in MALE_NAMES:
        return "m"
    if low in FEMALE_NAMES:
        return "f"
    return None


@lru_cache(maxsize=1 << 14)
def first_name_gender(name: str) -> str | None:
    """The gender the first word of a full name usually signals: asked once per person per
    article, and the same names recur from article to article."""
    return given_name_gender(name.split()[0])
