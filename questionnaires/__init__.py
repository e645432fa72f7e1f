"""The questionnaire: how to ask a person for each fact (data), and the interview driver."""

from .texts import Question, Questionnaire, Topic, fact_question_texts, load_questionnaire, load_questions

__all__ = ["Question", "Questionnaire", "Topic", "fact_question_texts", "load_questionnaire", "load_questions"]
