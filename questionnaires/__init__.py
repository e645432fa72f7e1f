"""The questionnaire: how to ask a person for each fact (data), and the interview driver."""

from .texts import fact_question_texts, load_questions

__all__ = ["fact_question_texts", "load_questions"]
