"""Given names that :mod:`needmap.scrub` takes for a person wherever they are capitalised.

Interviewees name colleagues ("Piet regelt dat altijd", "ask Sarah at HR"), and a quote
shown to a steering group must not. A name with a title before it ("mevrouw Jansen") is
found by its title; a name without one can only be known as a name. These are the given
names most common in the Netherlands and Flanders (including those most given in families of
Turkish, Moroccan and Surinamese descent) and in English-speaking countries, as the public
top-name lists (Meertens Instituut, Statbel, ONS, the US Social Security Administration)
rank them. Names that are mostly a place, a month or a word ("Austin", "May", "Hope",
"Said") are left out: overlooking a rare name costs less than blotting out common words.
"""

from __future__ import annotations

__all__ = ["FIRST_NAMES", "NAMED_AFTER", "NAMES_THAT_ARE_WORDS", "WORDS_IN_LOWER_CASE"]

_DUTCH_AND_FLEMISH = """
Aad Aart Abe Adriaan Adrie Albert Alex Alexander Ankie Anna Anne Anneke Annelies Annemarie
Annemiek Annemieke Annet Annette Anouk Anton Arend Arie Arjan Arjen Arno Arnold Astrid Bart Bas
Bastiaan Bea Beatrijs Berend Bernard Bert Bianca Boris Bram Brecht Carolien Caroline Chantal
Charlotte Christiaan Claudia Coen Cornelis Corrie Daan Danielle Daphne Demi Dennis Diederik
Dirk Dries Edwin Elise Ellen Elles Elsbeth Emma Erik Erwin Esmee Esther Eva Evelien Evert Evi
Femke Fenna Finn Fleur Frits Froukje Geert Gerard Gerben Gerda Gerrit Gert Gijs Gijsbert Griet
Guus Hanna Hanneke Hannes Hans Harrie Hein Heleen Hendrik Henk Henri Herman Hester Hidde Hilde
Hugo Huub Ilona Ilse Ineke Inge Ingrid Ivo Jaap Jacob Jacobus Janneke Jasmijn Jasper Jayden Jef
Jelle Jelmer Jens Jeroen Jesse Jochem Joep Joey Johan Johannes Jolanda Jolien Joop Joost Joris
Jorn Jos Josephine Judith Julia Julian Jurre Juul Karel Karin Karlijn Kees Kim Kirsten Klaas
Koen Kristof Lars Laura Laurens Lennart Levi Liam Lieke Lien Lieven Lisa Lisanne Liv Loes Lotte
Luc Lucas Luna Luuk Maaike Maarten Manon Marc Marcel Marco Margriet Maria Marianne Marieke
Marijke Marinus Marit Marja Marjolein Marleen Marloes Marnix Mart Martijn Martin Martine
Mathijs Mats Matthijs Meike Menno Merel Michel Michiel Mieke Mila Mirjam Mirthe Monique Myrthe
Nadine Naomi Nathalie Nico Niels Nienke Nina Noa Nora Noud Pepijn Petra Piet Pieter Pim Quinten
Ramon Reinier Remco Renate Rens René Ria Rianne Ricardo Rick Riet Rik Robbert Robin Roel Rogier
Rosa Ruben Rutger Ruud Saar Sabine Sam Sander Sanne Sara Saskia Sebastiaan Sem Siem Simone
Sjaak Sjoerd Sofie Stefan Stephan Stijn Suzanne Sven Sylvia Tamara Tanja Tess Tessa Teun Thea
Thijmen Thijs Thom Tijn Tim Tineke Tjeerd Tom Truus Veerle Vera Wendy Wessel Wiebe Wijnand
Wilco Willem Wilma Wim Wout Wouter Yara Yvette Yvonne Zoë
"""

_ALSO_GIVEN_IN_THE_NETHERLANDS = """
Abdel Abdelkader Ahmed Ahmet Aisha Ali Amira Anass Anil Ashwin Ayoub Ayse Ayşe Bilal Burak
Büşra Deniz Elif Emine Emir Emre Esra Fatima Fatma Hakim Hamza Hasan Hatice Hicham Hüseyin
Ibrahim Ilham Ilias Imane Ismail Jamal Karim Karima Kemal Khadija Khalid Malika Marwa Mehmet
Meryem Mohamed Mohammed Mourad Muhammed Murat Mustafa Nadia Naima Nordin Omar Orhan Osman
Oussama Priya Rachid Rahul Rajesh Ravi Redouan Salma Samira Sanaa Sanjay Serkan Soufiane Sunil
Sunita Yasmina Yasmine Yassine Youssef Yusuf Zakaria Zeynep Ömer Ümit
"""

_ENGLISH = """
Aaron Abigail Adam Alan Alfie Alice Amanda Amelia Amy Andrew Andy Angela Ann Anthony Archie
Arthur Ashley Ava Barbara Benjamin Beth Betty Billy Brandon Brenda Brian Bruce Bryan Carl
Catherine Charles Charlie Cheryl Chloe Chris Christina Christine Christopher Claire Cynthia
Daniel Dave David Deborah Debra Denise Diana Diane Donald Donna Dorothy Douglas Dylan Edward
Eleanor Elizabeth Ella Ellie Emily Eric Ethan Eugene Evelyn Frances Freddie Freya Gabriel Gary
George Gerald Gloria Gregory Hannah Harold Harry Helen Henry Isabella Isla Jacqueline James Jane
Janet Janice Jason Jeffrey Jennifer Jenny Jeremy Jerry Jessica Jim Joan Joe John Johnny Jonathan
Joseph Joshua Joyce Julie Justin Karen Kate Katherine Kathleen Kathryn Katie Keith Kelly Kenneth
Kevin Kimberly Kyle Larry Lauren Lawrence Leo Lily Linda Logan Louis Lucy Margaret Marie Marilyn
Martha Mary Matthew Megan Melissa Mia Michael Michelle Mike Nancy Natalie Nathan Nicholas Nick
Nicole Noah Oliver Olivia Oscar Pamela Patricia Patrick Paul Pete Peter Philip Poppy Rachel
Ralph Randy Raymond Rebecca Richard Robert Roger Ronald Roy Russell Ruth Ryan Samantha Samuel
Sandra Sarah Scott Sean Sharon Shirley Sophia Sophie Stephanie Stephen Steve Steven Susan Teresa
Terry Theo Theresa Thomas Timothy Tony Tyler Vincent Walter Wayne William Zachary
"""

_ALSO_WORDS = """
Amber Ben Bill Bo Bob Carol Dan Dick Els Floor Frank Grace Greet Harm Heather Iris Jack Jan Job
Joke Kay Lot Mark Matt Max Mees Noor Rob Roos Rose Stan Ton Wil Will
"""

NAMES_THAT_ARE_WORDS: frozenset[str] = frozenset(_ALSO_WORDS.split())
"""Names that also start a sentence as a word ("Ben je er?", "Will it work?", "Max 5",
"Mark it"): one of these counts as a name only inside a sentence, before a surname, or
before a verb of speaking or a colon ("Jan zei", "Noor: ..."; see :mod:`needmap.scrub`)."""

WORDS_IN_LOWER_CASE: frozenset[str] = NAMES_THAT_ARE_WORDS - {"Bo", "Jan", "Kay", "Noor", "Stan"}
"""The names that are also words as they are typed in lower case ("ben", "wil", "roos"):
before a surname that is a word too, or before a particle and any word, one of these
names no one ("ben de boer", "wil de baas"). "jan" and "noor" are words only capitalised
("Jan 5"), or not at all: "jan de wolf" is someone."""

FIRST_NAMES: frozenset[str] = frozenset(
    (_DUTCH_AND_FLEMISH + _ALSO_GIVEN_IN_THE_NETHERLANDS + _ENGLISH + _ALSO_WORDS).split()
)
"""Every given name scrubbing knows, as written (capitalised, with its accents)."""

_NAMED_AFTER = """
Academie Academy College Centrum Center Centre Fonds Foundation Gymnasium Havelaar Heijn Hospital
Huis Instituut Institute Kliniek Linders Lyceum School Stichting Universiteit University Ziekenhuis
"""

NAMED_AFTER: frozenset[str] = frozenset(_NAMED_AFTER.split())
"""Words after which a name is that of a place or a firm ("Juliana Ziekenhuis", "Johan de
Witt College", "Albert Heijn"), which a report may show."""
